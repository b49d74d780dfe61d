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
        <location filename="../../widgets/alerts_panel.py" line="152"/>
        <source>Dispatch order not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="234"/>
        <source>Feedback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="234"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="65"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="72"/>
        <location filename="../../widgets/dispatch_panel.py" line="212"/>
        <source>Select an alert to see the nearest guards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <location filename="../../widgets/dispatch_panel.py" line="92"/>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="81"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="82"/>
        <source>Dispatch selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="83"/>
        <source>One call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="88"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="93"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="94"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="95"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="96"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="97"/>
        <location filename="../../widgets/dispatch_panel.py" line="105"/>
        <source>On scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="102"/>
        <source>Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="108"/>
        <source>Handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="110"/>
        <source>Feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="112"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="115"/>
        <source>The guard radioed in from the scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="155"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="177"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="178"/>
        <source>escalated: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="179"/>
        <source>accepted, on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="180"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="181"/>
        <source>handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="182"/>
        <source>feedback given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="183"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="184"/>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="185"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="191"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="192"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="193"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="194"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="195"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="214"/>
        <source>Alert: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="235"/>
        <source>Last position is old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="263"/>
        <source>No answer from: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="307"/>
        <source>To accept {0} · to arrive {1} · to close {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="328"/>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="328"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="342"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="342"/>
        <source>What was done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="354"/>
        <source>Photo (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="354"/>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
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
        <location filename="../../widgets/live_controller.py" line="56"/>
        <source>Live feed: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="121"/>
        <source>Events: {0} ({1}/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="127"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="127"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="129"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="141"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="146"/>
        <source>Simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="150"/>
        <source>Live feed failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="160"/>
        <location filename="../../widgets/live_controller.py" line="239"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="164"/>
        <location filename="../../widgets/live_controller.py" line="243"/>
        <source>Not changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="168"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="185"/>
        <source>No recommendation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="202"/>
        <source>Sent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="205"/>
        <source>{0} is already on order {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="220"/>
        <source>Order {0} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="234"/>
        <source>Order {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="61"/>
        <source>3D sandbox: coming in a later version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="91"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="92"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="93"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="94"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="95"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="96"/>
        <source>Dispatch routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="97"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="98"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="99"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="100"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="105"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="106"/>
        <source>Import package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="111"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="115"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="116"/>
        <source>Fit map to district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="122"/>
        <source>Choose a district package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="161"/>
        <location filename="../../widgets/main_window.py" line="197"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="163"/>
        <source>Digital Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="171"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="172"/>
        <source>no district loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
