<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="63"/>
        <source>Open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="71"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="72"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="73"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="74"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="75"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="76"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="77"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="91"/>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="94"/>
        <source>{0} and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="99"/>
        <source>Filter by rule, subject or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="138"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="139"/>
        <source>Mark dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="140"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>Close with feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="142"/>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="148"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="150"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="152"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="153"/>
        <source>dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="162"/>
        <source>Elderly: no activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="163"/>
        <source>Unregistered card opened a rental room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="164"/>
        <source>Unreported tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="165"/>
        <source>Watch-listed face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="166"/>
        <source>Stranger at a face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="167"/>
        <source>Tailgating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="168"/>
        <source>Blacklisted plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="169"/>
        <source>Vehicle overstay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="170"/>
        <source>Perimeter breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="171"/>
        <source>Smoke alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="172"/>
        <source>Gas alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="173"/>
        <source>Water leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="174"/>
        <source>Fall detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="175"/>
        <source>High-altitude throwing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="176"/>
        <source>One-click alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="177"/>
        <source>Elderly routine deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="178"/>
        <source>Implausible GPS fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="179"/>
        <source>Device offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="180"/>
        <source>Dispatch order not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="285"/>
        <source>Camera snapshot: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="296"/>
        <source>Feedback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="296"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../widgets/wall.py" line="95"/>
        <source>Camera {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../widgets/wall_screen.py" line="131"/>
        <source>Open alerts</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="152"/>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="153"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="154"/>
        <source>Online rate</source>
        <translation>Online rate</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="155"/>
        <source>Passes today</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="156"/>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="157"/>
        <source>Rental rooms</source>
        <translation>Rentals</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="158"/>
        <source>Elderly alone</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="159"/>
        <source>Key persons</source>
        <translation>Key people</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="171"/>
        <source>Patrol strength</source>
        <translation>Guards</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="188"/>
        <source>Overview · touring</source>
        <translation>Overview · touring</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="254"/>
        <source>Digital Sandbox · {0}</source>
        <translation>Digital Sandbox · {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="263"/>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="264"/>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="265"/>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="266"/>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="267"/>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="268"/>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="269"/>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="271"/>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="300"/>
        <source>{k:.0f}k</source>
        <translation>{k:.0f}k</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="340"/>
        <source>[{0}] alert · {1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="345"/>
        <source>Camera: {0}</source>
        <translation>Camera: {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="352"/>
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="355"/>
        <source>Nobody dispatched · waiting {0} min</source>
        <translation>Unassigned · {0} min</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="358"/>
        <source>Guard dispatched</source>
        <translation>Guard dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="365"/>
        <source>Nobody dispatched: {0}</source>
        <translation>Unassigned: {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="369"/>
        <source>[{0}] {1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="370"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="378"/>
        <source>and {0} more</source>
        <translation>and {0} more</translation>
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
    <name>CaseDialog</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="647"/>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="648"/>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="649"/>
        <source>GeoJSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="664"/>
        <source>Case file {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="665"/>
        <source>{0} entries within {1:g} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="675"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="676"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="677"/>
        <source>GeoJSON (*.geojson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="680"/>
        <source>Export case file</source>
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
    <name>CasePdf</name>
    <message>
        <location filename="../../widgets/export_pdf.py" line="107"/>
        <location filename="../../widgets/export_pdf.py" line="199"/>
        <source>Case file {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="110"/>
        <source>District: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="111"/>
        <source>Alert: {0} on {1} {2}, severity {3}, now {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="114"/>
        <source>Raised: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="115"/>
        <source>Window: {0} to {1}; radius {2:g} m; {3} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="125"/>
        <source>Acknowledged {0}, dispatched {1}, accepted {2}, arrived {3}, closed {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="130"/>
        <source>Sent: {0} ({1}), recorded ETA {2}; nearest at the time: {3}, ETA {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="163"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="164"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="165"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="166"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CityMode</name>
    <message>
        <location filename="../../widgets/app.py" line="132"/>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="134"/>
        <source>Replay needs the local store (--db); it is not available on a city database</source>
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
    <name>DeskSession</name>
    <message>
        <location filename="../../widgets/session.py" line="54"/>
        <source>No users: run `sandbox-app user add` to require a login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/session.py" line="72"/>
        <source>Your role may not unmask personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/session.py" line="77"/>
        <source>Not unmasked: the audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../widgets/detail.py" line="45"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="55"/>
        <location filename="../../widgets/detail.py" line="106"/>
        <source>Click a building, room, device or guard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="60"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="60"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="65"/>
        <location filename="../../widgets/detail.py" line="154"/>
        <source>Unmask personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="154"/>
        <source>Mask personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="174"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="175"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="176"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="177"/>
        <source>floating population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="178"/>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="179"/>
        <source>watch list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="185"/>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="186"/>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="187"/>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="188"/>
        <source>employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="189"/>
        <source>visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="209"/>
        <source>{0} entrance {1}, floor {2}, room {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="223"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="225"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="229"/>
        <source>Compound {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="238"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="240"/>
        <source>Closed hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="240"/>
        <source>always open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="243"/>
        <source>Gate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="254"/>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="222"/>
        <location filename="../../widgets/detail.py" line="239"/>
        <location filename="../../widgets/detail.py" line="255"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="256"/>
        <source>Floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="257"/>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="224"/>
        <location filename="../../widgets/detail.py" line="258"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="264"/>
        <location filename="../../widgets/detail.py" line="281"/>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="270"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="271"/>
        <source>Building {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="279"/>
        <location filename="../../widgets/detail.py" line="296"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="280"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="285"/>
        <source>Room {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="294"/>
        <location filename="../../widgets/detail.py" line="335"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="295"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="297"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="298"/>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="300"/>
        <source>Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="302"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="303"/>
        <location filename="../../widgets/detail.py" line="340"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="307"/>
        <source>Person {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="319"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="320"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="321"/>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="322"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="326"/>
        <source>Last fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="327"/>
        <source>Device {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="336"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="337"/>
        <source>Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="343"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="344"/>
        <source>Guard {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../widgets/texts.py" line="22"/>
        <source>face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="23"/>
        <source>vehicle barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="24"/>
        <source>capture camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="25"/>
        <source>perimeter detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="26"/>
        <source>visitor terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="27"/>
        <source>RFID reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="28"/>
        <source>alarm button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="29"/>
        <source>behaviour camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="30"/>
        <source>throwing camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="31"/>
        <source>video intercom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="32"/>
        <source>door controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="33"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="34"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="35"/>
        <source>gas sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="36"/>
        <source>water sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="37"/>
        <source>door magnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="38"/>
        <source>smart lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="39"/>
        <source>mobile camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="40"/>
        <source>body camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="41"/>
        <source>radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="42"/>
        <source>GPS tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="43"/>
        <source>smart watch</source>
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
        <location filename="../../widgets/dispatch_panel.py" line="202"/>
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
        <location filename="../../widgets/dispatch_panel.py" line="204"/>
        <source>Alert: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="225"/>
        <source>Last position is old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="253"/>
        <source>No answer from: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="297"/>
        <source>To accept {0} · to arrive {1} · to close {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="318"/>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="318"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="332"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="332"/>
        <source>What was done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="344"/>
        <source>Photo (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="344"/>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardRole</name>
    <message>
        <location filename="../../widgets/texts.py" line="55"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="56"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="57"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="58"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="59"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../widgets/health_panel.py" line="65"/>
        <source>Device health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="87"/>
        <source>Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="88"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="89"/>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="90"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="91"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="92"/>
        <source>Last rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="96"/>
        <source>By kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="97"/>
        <source>Offline devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="98"/>
        <source>Bridges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="133"/>
        <location filename="../../widgets/health_panel.py" line="139"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="134"/>
        <source>{0} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="148"/>
        <source>Devices online: {0:.1f} % ({1} of {2}); bridges: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="180"/>
        <source>silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="182"/>
        <location filename="../../widgets/health_panel.py" line="200"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="184"/>
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
        <location filename="../../widgets/legend.py" line="51"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="52"/>
        <source>Dispatch routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="53"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="54"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="55"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="56"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="57"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="58"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="59"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="60"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="68"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="69"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="70"/>
        <source>on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="71"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="76"/>
        <source>incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="79"/>
        <source>trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="85"/>
        <source>gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="86"/>
        <source>risk 0–100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="87"/>
        <source>beyond reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="89"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="90"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>main road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="93"/>
        <source>footway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
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
        <location filename="../../widgets/main_window.py" line="143"/>
        <source>3D sandbox: needs an OpenGL display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="190"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="234"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="235"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="236"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="237"/>
        <source>Camera views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="239"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="240"/>
        <source>Dispatch routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="241"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="242"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="244"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="249"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="250"/>
        <source>Import package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="255"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="259"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="260"/>
        <source>Fit map to district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="263"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="269"/>
        <source>Reset 3D view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="276"/>
        <source>Choose a district package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="334"/>
        <location filename="../../widgets/main_window.py" line="388"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="336"/>
        <source>Digital Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="344"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="345"/>
        <source>no district loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTips</name>
    <message>
        <location filename="../../widgets/map_tips.py" line="39"/>
        <source>Guard {0} · {1} · fix {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="46"/>
        <source>Building {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="49"/>
        <source>Device {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="57"/>
        <source>Alert {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="61"/>
        <source>Gate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="63"/>
        <source>Compound {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="69"/>
        <source>time unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="72"/>
        <source>{0} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="74"/>
        <source>{0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="75"/>
        <source>{0} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="81"/>
        <source>no rooms registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="84"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="84"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="84"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayController</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="222"/>
        <location filename="../../widgets/replay_controller.py" line="237"/>
        <location filename="../../widgets/replay_controller.py" line="316"/>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="236"/>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="240"/>
        <source>Case file of the selected alert…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="243"/>
        <source>Export video of the range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="277"/>
        <source>Nothing to replay: no database yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="282"/>
        <source>Nothing to replay: the event log is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="301"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="451"/>
        <source>Replay failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="511"/>
        <source>Select an alert first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="519"/>
        <source>No case file: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="554"/>
        <source>Your role may not export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="556"/>
        <source>Not exported: the audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="577"/>
        <source>Exported to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="583"/>
        <source>Export video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="583"/>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="598"/>
        <source>Exporting video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="598"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="625"/>
        <source>Video not exported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="627"/>
        <source>Video exported: {0} frames to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomUsage</name>
    <message>
        <location filename="../../widgets/texts.py" line="63"/>
        <source>owner-occupied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="64"/>
        <source>rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="65"/>
        <source>group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="66"/>
        <source>vacant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="67"/>
        <source>shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="68"/>
        <source>office</source>
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
        <location filename="../../widgets/roster.py" line="119"/>
        <source>patrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="120"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="121"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="122"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../widgets/texts.py" line="47"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="48"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="49"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="50"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="51"/>
        <source>critical</source>
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
<context>
    <name>w</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="472"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
