<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../widgets/export_pdf.py" line="108"/>
        <location filename="../../widgets/export_pdf.py" line="189"/>
        <source>Case file {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="111"/>
        <source>District: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="112"/>
        <source>Alert: {0} on {1} {2}, severity {3}, now {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="115"/>
        <source>Raised: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="116"/>
        <source>Window: {0} to {1}; radius {2:g} m; {3} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="126"/>
        <source>Acknowledged {0}, dispatched {1}, accepted {2}, arrived {3}, closed {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="131"/>
        <source>Sent: {0} ({1}), recorded ETA {2}; nearest at the time: {3}, ETA {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="159"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="159"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="159"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="159"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="59"/>
        <source>Open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="67"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="68"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="69"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="70"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="71"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="72"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="73"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="87"/>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="90"/>
        <source>{0} and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="95"/>
        <source>Filter by rule, subject or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="128"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="129"/>
        <source>Mark dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="130"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="131"/>
        <source>Close with feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="132"/>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="138"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="139"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="140"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="142"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="143"/>
        <source>dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="150"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="152"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="153"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="159"/>
        <source>Elderly: no activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="160"/>
        <source>Unregistered card opened a rental room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="161"/>
        <source>Unreported tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="162"/>
        <source>Watch-listed face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="163"/>
        <source>Stranger at a face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="164"/>
        <source>Tailgating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="165"/>
        <source>Blacklisted plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="166"/>
        <source>Vehicle overstay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="167"/>
        <source>Perimeter breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="168"/>
        <source>Smoke alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="169"/>
        <source>Gas alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="170"/>
        <source>Water leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="171"/>
        <source>Fall detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="172"/>
        <source>High-altitude throwing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="173"/>
        <source>One-click alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="174"/>
        <source>Elderly routine deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="175"/>
        <source>Implausible GPS fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="176"/>
        <source>Device offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="177"/>
        <source>Dispatch order not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="271"/>
        <source>Feedback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="271"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../widgets/wall.py" line="65"/>
        <source>Camera {0}
{1}
(video feed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../widgets/camera_view.py" line="37"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="60"/>
        <source>No signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="60"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="54"/>
        <source>Alerts per hour by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="55"/>
        <source>alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="58"/>
        <source>Response times (median, minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="61"/>
        <source>accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="61"/>
        <source>arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="61"/>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="63"/>
        <source>Devices online (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="66"/>
        <source>Reads today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>plates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>e-bike RFID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="110"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="128"/>
        <source>Devices online: {0:.1f} %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../widgets/detail.py" line="44"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="54"/>
        <location filename="../../widgets/detail.py" line="105"/>
        <source>Click a building, room, device or guard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="59"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="59"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="64"/>
        <location filename="../../widgets/detail.py" line="153"/>
        <source>Unmask personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="153"/>
        <source>Mask personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="170"/>
        <source>owner-occupied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="171"/>
        <source>rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="172"/>
        <source>group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="173"/>
        <source>vacant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="174"/>
        <source>shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="175"/>
        <source>office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="181"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="182"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="183"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="184"/>
        <source>floating population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="185"/>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="186"/>
        <source>watch list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="192"/>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="193"/>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="194"/>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="195"/>
        <source>employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="196"/>
        <source>visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="202"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="203"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="204"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="205"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="206"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="223"/>
        <source>{0} entrance {1}, floor {2}, room {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="237"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="239"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="243"/>
        <source>Compound {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="252"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="254"/>
        <source>Closed hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="254"/>
        <source>always open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="257"/>
        <source>Gate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="268"/>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="236"/>
        <location filename="../../widgets/detail.py" line="253"/>
        <location filename="../../widgets/detail.py" line="269"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="270"/>
        <source>Floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="271"/>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="238"/>
        <location filename="../../widgets/detail.py" line="272"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="278"/>
        <location filename="../../widgets/detail.py" line="295"/>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="284"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="285"/>
        <source>Building {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="293"/>
        <location filename="../../widgets/detail.py" line="310"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="294"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="299"/>
        <source>Room {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="308"/>
        <location filename="../../widgets/detail.py" line="349"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="309"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="311"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="312"/>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="314"/>
        <source>Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="316"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="317"/>
        <location filename="../../widgets/detail.py" line="354"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="321"/>
        <source>Person {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="333"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="334"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="335"/>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="336"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="340"/>
        <source>Last fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="341"/>
        <source>Device {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="350"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="351"/>
        <source>Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="357"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="358"/>
        <source>Guard {0}</source>
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
    <name>HealthPanel</name>
    <message>
        <location filename="../../widgets/health_panel.py" line="64"/>
        <source>Device health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="74"/>
        <location filename="../../widgets/health_panel.py" line="79"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="74"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="74"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="74"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="79"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="79"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="79"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="87"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="88"/>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="89"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="90"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="91"/>
        <source>Last rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="95"/>
        <source>By kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="96"/>
        <source>Offline devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="97"/>
        <source>Bridges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="128"/>
        <source>face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="129"/>
        <source>vehicle barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="130"/>
        <source>capture camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="131"/>
        <source>perimeter detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="132"/>
        <source>visitor terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="133"/>
        <source>RFID reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="134"/>
        <source>alarm button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="135"/>
        <source>behaviour camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="136"/>
        <source>throwing camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="137"/>
        <source>video intercom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="138"/>
        <source>door controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="139"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="140"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="141"/>
        <source>gas sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="142"/>
        <source>water sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="143"/>
        <source>door magnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="144"/>
        <source>smart lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="145"/>
        <source>mobile camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="146"/>
        <source>body camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="147"/>
        <source>radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="148"/>
        <source>GPS tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="154"/>
        <location filename="../../widgets/health_panel.py" line="160"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="155"/>
        <source>{0} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="169"/>
        <source>Devices online: {0:.1f} % ({1} of {2}); bridges: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="201"/>
        <source>silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="203"/>
        <location filename="../../widgets/health_panel.py" line="221"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="205"/>
        <source>disconnected</source>
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
    <name>Legend</name>
    <message>
        <location filename="../../widgets/legend.py" line="50"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="51"/>
        <source>Dispatch routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="52"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="53"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="54"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="55"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="56"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="57"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="58"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="59"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="64"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="65"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="66"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="67"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="68"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="71"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="72"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="75"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="78"/>
        <source>rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="79"/>
        <source>group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="80"/>
        <source>shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="81"/>
        <source>office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="82"/>
        <source>owner-occupied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="83"/>
        <source>vacant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="86"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="87"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="88"/>
        <source>on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="89"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
        <source>incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="97"/>
        <source>trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="103"/>
        <source>gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="104"/>
        <source>risk 0–100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="105"/>
        <source>beyond reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="107"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="108"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="109"/>
        <source>main road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="109"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="111"/>
        <source>footway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="112"/>
        <source>compound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../widgets/live_controller.py" line="59"/>
        <source>Live feed: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="127"/>
        <source>Events: {0} ({1}/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="133"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="133"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="135"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="147"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="152"/>
        <source>Simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="156"/>
        <source>Live feed failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="166"/>
        <location filename="../../widgets/live_controller.py" line="245"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="170"/>
        <location filename="../../widgets/live_controller.py" line="249"/>
        <source>Not changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="174"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="191"/>
        <source>No recommendation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="208"/>
        <source>Sent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="211"/>
        <source>{0} is already on order {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="226"/>
        <source>Order {0} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="240"/>
        <source>Order {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="34"/>
        <source>Digital Sandbox: log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="35"/>
        <source>Wall screen: log in with a wall-display account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="46"/>
        <source>only if your account has one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="49"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="50"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="51"/>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="59"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="75"/>
        <source>This account is locked after repeated failures; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="78"/>
        <source>Wrong user name, password or code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="81"/>
        <source>3D sandbox: coming in a later version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="123"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="164"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="165"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="166"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="167"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="168"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="169"/>
        <source>Dispatch routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="170"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="171"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="172"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="173"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="178"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="179"/>
        <source>Import package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="184"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="188"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="189"/>
        <source>Fit map to district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="196"/>
        <source>Choose a district package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243"/>
        <location filename="../../widgets/main_window.py" line="282"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="245"/>
        <source>Digital Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="253"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="254"/>
        <source>no district loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="345"/>
        <source>Open alerts: {0}
On patrol: {1}
Sent out: {2}
Devices online: {3:.1f} %
Reads today: {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTips</name>
    <message>
        <location filename="../../widgets/map_tips.py" line="38"/>
        <source>Guard {0} · {1} · fix {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="45"/>
        <source>Building {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="48"/>
        <source>Device {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="56"/>
        <source>Alert {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="60"/>
        <source>Gate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="62"/>
        <source>Compound {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="68"/>
        <source>time unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="71"/>
        <source>{0} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="73"/>
        <source>{0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="74"/>
        <source>{0} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="78"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="79"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="80"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="81"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="82"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="88"/>
        <source>owner-occupied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="89"/>
        <source>rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="90"/>
        <source>group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="91"/>
        <source>vacant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="92"/>
        <source>shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="93"/>
        <source>office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="94"/>
        <source>no rooms registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="99"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="99"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="99"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="104"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="105"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="106"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="107"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="108"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="114"/>
        <source>face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="115"/>
        <source>vehicle barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="116"/>
        <source>capture camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="117"/>
        <source>perimeter detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="118"/>
        <source>visitor terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="119"/>
        <source>RFID reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="120"/>
        <source>alarm button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="121"/>
        <source>behaviour camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="122"/>
        <source>throwing camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="123"/>
        <source>video intercom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="124"/>
        <source>door controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="125"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="126"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="127"/>
        <source>gas sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="128"/>
        <source>water sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="129"/>
        <source>door magnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="130"/>
        <source>smart lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="131"/>
        <source>mobile camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="132"/>
        <source>body camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="133"/>
        <source>radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="134"/>
        <source>GPS tracker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../widgets/roster.py" line="54"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="66"/>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="67"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="68"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="69"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="70"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="71"/>
        <source>Battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="116"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="117"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="118"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="119"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="120"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="129"/>
        <source>patrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="130"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="131"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="132"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/timeline.py" line="149"/>
        <location filename="../../widgets/timeline.py" line="259"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="151"/>
        <source>◀ Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="152"/>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="153"/>
        <source>◀ Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="154"/>
        <source>Alert ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="158"/>
        <source>{0}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="162"/>
        <location filename="../../widgets/timeline.py" line="279"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="215"/>
        <source>Live ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="252"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
