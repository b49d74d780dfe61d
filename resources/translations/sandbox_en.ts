<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="53"/>
        <source>Open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="61"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="62"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="63"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="64"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="65"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="66"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="67"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="103"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="104"/>
        <source>Mark dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="105"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="106"/>
        <source>Close with feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="107"/>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="113"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="114"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="115"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="116"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="117"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="118"/>
        <source>dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="124"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="125"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="126"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="127"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="128"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="134"/>
        <source>Elderly: no activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="135"/>
        <source>Unregistered card opened a rental room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="136"/>
        <source>Unreported tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="137"/>
        <source>Watch-listed face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="138"/>
        <source>Stranger at a face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="139"/>
        <source>Tailgating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="140"/>
        <source>Blacklisted plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>Vehicle overstay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="142"/>
        <source>Perimeter breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="143"/>
        <source>Smoke alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="144"/>
        <source>Gas alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="145"/>
        <source>Water leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="146"/>
        <source>Fall detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="147"/>
        <source>High-altitude throwing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="148"/>
        <source>One-click alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>Elderly routine deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="150"/>
        <source>Implausible GPS fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>Device offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="233"/>
        <source>Feedback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="233"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../widgets/importer.py" line="76"/>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="77"/>
        <source>Import package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="97"/>
        <source>Reading files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="98"/>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="99"/>
        <source>Building the district…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="100"/>
        <source>Saving to the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="108"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/importer.py" line="109"/>
        <source>The package was not imported: %n problem(s) found.</source>
        <translation>
            <numerusform>The package was not imported: %n problem found.</numerusform>
            <numerusform>The package was not imported: %n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../widgets/live_controller.py" line="44"/>
        <source>Live feed: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="105"/>
        <source>Events: {0} ({1}/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="111"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="111"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="113"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="125"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="130"/>
        <source>Simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="134"/>
        <source>Live feed failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="144"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="148"/>
        <source>Not changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="152"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="47"/>
        <source>3D sandbox: coming in a later version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="71"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="72"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="73"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="74"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="75"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="76"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="77"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="78"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="83"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="84"/>
        <source>Import package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="89"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="93"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="94"/>
        <source>Fit map to district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="99"/>
        <source>Choose a district package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="131"/>
        <location filename="../../widgets/main_window.py" line="167"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="133"/>
        <source>Digital Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="141"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="142"/>
        <source>no district loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
