<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ImportController</name>
        <message>
            <location filename="../../widgets/importer.py" line="76" />
            <source>Importing {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="77" />
            <source>Import package</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="97" />
            <source>Reading files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="98" />
            <source>Checking every row…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="99" />
            <source>Building the district…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="100" />
            <source>Saving to the database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="108" />
            <source>Import failed</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../widgets/importer.py" line="109" />
            <source>The package was not imported: %n problem(s) found.</source>
            <translation>
                <numerusform>The package was not imported: %n problem found.</numerusform>
                <numerusform>The package was not imported: %n problems found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../widgets/main_window.py" line="36" />
            <source>3D sandbox: coming in a later version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="50" />
            <source>Alerts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="51" />
            <source>Guards</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="52" />
            <source>Devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="53" />
            <source>Gates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="54" />
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="55" />
            <source>Roads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="56" />
            <source>Compounds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="61" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="62" />
            <source>Import package…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="67" />
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="71" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="72" />
            <source>Fit map to district</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="77" />
            <source>Choose a district package folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="104" />
            <source>Digital Sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="107" />
            <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="108" />
            <source>no district loaded</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
