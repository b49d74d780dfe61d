<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../../widgets/alert_card.py" line="46"/>
        <source>Warning type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="47"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="48"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="49"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="50"/>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="51"/>
        <source>Unit and room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="52"/>
        <source>Standard address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="53"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="54"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="55"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="56"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="62"/>
        <location filename="../../widgets/alert_card.py" line="75"/>
        <source>Nearest guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="63"/>
        <source>{0} ({1}) {2} {3}, {4} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="76"/>
        <source>being looked up…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertHistory</name>
    <message>
        <location filename="../../widgets/alert_history.py" line="65"/>
        <source>Alert history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="74"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="75"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="76"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="77"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="84"/>
        <source>Search incident, address, note or who closed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="99"/>
        <source>Open case report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertNotice</name>
    <message>
        <location filename="../../widgets/texts.py" line="265"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="267"/>
        <source>{0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="269"/>
        <source>{0} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="270"/>
        <source>{0} d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="88"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="93"/>
        <source>Alerts nobody has acknowledged yet; click to select the worst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="99"/>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="104"/>
        <source>Play a tone for new medium, high and critical alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="129"/>
        <source>New alert · {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="135"/>
        <source> (+{0} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="156"/>
        <source>Not acknowledged: {0} ({1} high or critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="119"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="245"/>
        <source>seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="385"/>
        <source>{0} subjects, latest {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="420"/>
        <source>Pinned on top until acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="415"/>
        <source>{0} alerts of this rule: a step acts on all of them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertPlace</name>
    <message>
        <location filename="../../widgets/alert_place.py" line="23"/>
        <source>basement {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_place.py" line="24"/>
        <source>floor {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_place.py" line="79"/>
        <source>unit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_place.py" line="80"/>
        <source>unit {0} {1} room {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="90"/>
        <source>Open alerts</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="112"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="113"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="114"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="115"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="116"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="117"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="118"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="133"/>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="136"/>
        <source>{0} and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>Filter by rule, subject or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>Closed and dismissed alerts, with their case reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="161"/>
        <source>To property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="162"/>
        <source>To grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="163"/>
        <source>To 110…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="172"/>
        <source>The compound&apos;s property staff handle it first; unhandled in time, it comes back here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="222"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="223"/>
        <source>Mark dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="224"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="225"/>
        <source>Close with feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="226"/>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="232"/>
        <location filename="../../widgets/texts.py" line="197"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="233"/>
        <location filename="../../widgets/texts.py" line="198"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="234"/>
        <location filename="../../widgets/texts.py" line="199"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="235"/>
        <location filename="../../widgets/texts.py" line="200"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="236"/>
        <location filename="../../widgets/texts.py" line="201"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="237"/>
        <location filename="../../widgets/texts.py" line="202"/>
        <source>dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="257"/>
        <source>property overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="259"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="262"/>
        <source>with property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="263"/>
        <source>with grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="264"/>
        <source>handed to 110</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="274"/>
        <location filename="../../widgets/texts.py" line="135"/>
        <source>Elderly: no activity</source>
        <extracomment>code elderly_no_activity</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="275"/>
        <location filename="../../widgets/texts.py" line="137"/>
        <source>Unregistered card opened a rental room</source>
        <extracomment>code unregistered_opener</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="276"/>
        <location filename="../../widgets/texts.py" line="139"/>
        <source>Unreported tenant</source>
        <extracomment>code unreported_tenant</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="277"/>
        <location filename="../../widgets/texts.py" line="141"/>
        <source>Watch-listed face</source>
        <extracomment>code face_watchlist</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="278"/>
        <location filename="../../widgets/texts.py" line="143"/>
        <source>Stranger at a face gate</source>
        <extracomment>code face_stranger</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="279"/>
        <location filename="../../widgets/texts.py" line="145"/>
        <source>Tailgating</source>
        <extracomment>code tailgating</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="280"/>
        <location filename="../../widgets/texts.py" line="147"/>
        <source>Blacklisted plate</source>
        <extracomment>code plate_blacklist</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="281"/>
        <location filename="../../widgets/texts.py" line="149"/>
        <source>Vehicle overstay</source>
        <extracomment>code vehicle_overstay</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="282"/>
        <location filename="../../widgets/texts.py" line="151"/>
        <source>Perimeter breach</source>
        <extracomment>code perimeter_breach</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="283"/>
        <location filename="../../widgets/texts.py" line="153"/>
        <source>Smoke alarm</source>
        <extracomment>code smoke_alarm</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="284"/>
        <location filename="../../widgets/texts.py" line="155"/>
        <source>Gas alarm</source>
        <extracomment>code gas_alarm</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="285"/>
        <location filename="../../widgets/texts.py" line="157"/>
        <source>Water leak</source>
        <extracomment>code water_alarm</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="286"/>
        <location filename="../../widgets/texts.py" line="159"/>
        <source>Fall detected</source>
        <extracomment>code fall_detected</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="287"/>
        <location filename="../../widgets/texts.py" line="161"/>
        <source>High-altitude throwing</source>
        <extracomment>code throw_detected</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="288"/>
        <location filename="../../widgets/texts.py" line="163"/>
        <source>One-click alarm</source>
        <extracomment>code alarm_button</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="289"/>
        <location filename="../../widgets/texts.py" line="165"/>
        <source>Elderly routine deviation</source>
        <extracomment>code elderly_routine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="290"/>
        <location filename="../../widgets/texts.py" line="167"/>
        <source>Implausible GPS fix</source>
        <extracomment>code gps_sanity</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="291"/>
        <location filename="../../widgets/texts.py" line="169"/>
        <source>Device offline</source>
        <extracomment>code device_offline</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="292"/>
        <location filename="../../widgets/texts.py" line="171"/>
        <source>Dispatch order not answered</source>
        <extracomment>code dispatch_escalation</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="293"/>
        <location filename="../../widgets/texts.py" line="173"/>
        <source>Not handled by property in time</source>
        <extracomment>code handoff_overdue</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="294"/>
        <location filename="../../widgets/texts.py" line="175"/>
        <source>Loitering at the gates</source>
        <extracomment>code loitering</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="295"/>
        <location filename="../../widgets/texts.py" line="177"/>
        <source>Stolen e-bike tag read</source>
        <extracomment>code ebike_stolen</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="296"/>
        <location filename="../../widgets/texts.py" line="179"/>
        <source>Patrol checkpoint missed</source>
        <extracomment>code patrol_missed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="297"/>
        <location filename="../../widgets/texts.py" line="181"/>
        <source>Vehicle blocking fire lane</source>
        <extracomment>code fire_lane</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="298"/>
        <location filename="../../widgets/texts.py" line="183"/>
        <source>Renovation outside permitted hours</source>
        <extracomment>code renovation_hours</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="299"/>
        <location filename="../../widgets/texts.py" line="185"/>
        <source>E-bike in a lift or stairwell</source>
        <extracomment>code ebike_in_lift</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="300"/>
        <location filename="../../widgets/texts.py" line="187"/>
        <source>Rooftop door opened at night</source>
        <extracomment>code rooftop_door_night</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="301"/>
        <location filename="../../widgets/texts.py" line="189"/>
        <source>E-bike leaving at an unusual night hour</source>
        <extracomment>code ebike_night_departure</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="302"/>
        <source>Conflicting reports (possible spoofing)</source>
        <translation>Conflicting reports (possible spoofing)</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="390"/>
        <source>Not on scene in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="482"/>
        <source>{0}&apos;s grid worker handles it first; unhandled in time, it comes back here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="486"/>
        <source>Only for an alert inside a grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="504"/>
        <source>Video evidence: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="525"/>
        <source>Camera snapshot: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="542"/>
        <location filename="../../widgets/alerts_panel.py" line="559"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="559"/>
        <source>To 110</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../widgets/camera_tile.py" line="48"/>
        <source>Camera {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tile.py" line="51"/>
        <source>Camera {0}
{1}
(no video stream)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../widgets/camera_view.py" line="40"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="63"/>
        <source>No signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="63"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="866"/>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="867"/>
        <source>Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="868"/>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="869"/>
        <source>GeoJSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="883"/>
        <source>Play recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="903"/>
        <source>Recorded video on the NVRs: searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="919"/>
        <source>{0}: {1} – {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="920"/>
        <source>Recorded video on the NVRs: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="922"/>
        <source>{0} NVR(s) did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="933"/>
        <source>Case file {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="934"/>
        <source>{0} entries within {1:g} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="944"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="945"/>
        <source>Word (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="946"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="947"/>
        <source>GeoJSON (*.geojson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="952"/>
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
        <location filename="../../widgets/export_docx.py" line="94"/>
        <location filename="../../widgets/export_pdf.py" line="262"/>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="104"/>
        <location filename="../../widgets/export_pdf.py" line="280"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="105"/>
        <location filename="../../widgets/export_pdf.py" line="281"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="105"/>
        <location filename="../../widgets/export_pdf.py" line="281"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="110"/>
        <location filename="../../widgets/export_pdf.py" line="287"/>
        <source>Camera snapshot at the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="117"/>
        <location filename="../../widgets/export_pdf.py" line="294"/>
        <location filename="../../widgets/export_pdf.py" line="303"/>
        <source>Map at the time of the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="122"/>
        <location filename="../../widgets/export_pdf.py" line="309"/>
        <source>Evidence appendix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="125"/>
        <location filename="../../widgets/export_pdf.py" line="312"/>
        <source>{0} heartbeats and routine position fixes are not listed (--all includes them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="131"/>
        <location filename="../../widgets/export_pdf.py" line="320"/>
        <source>No device records near the incident in the case window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="135"/>
        <location filename="../../widgets/export_pdf.py" line="326"/>
        <source>System record: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="86"/>
        <source>{0}: route from the order (ring) to arrival (dot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="100"/>
        <source>Incident, with the {0:g} m circle searched for records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseReport</name>
    <message>
        <location filename="../../widgets/case_report.py" line="88"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="93"/>
        <source>%Y-%m-%d %H:%M:%S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="109"/>
        <source>{0} h {1} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="111"/>
        <source>{0} min {1} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="112"/>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="124"/>
        <source>entrance {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="126"/>
        <location filename="../../widgets/case_report.py" line="135"/>
        <source>room {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="129"/>
        <location filename="../../widgets/case_report.py" line="269"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="163"/>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="171"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="172"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="173"/>
        <source>Concerning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="174"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="175"/>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="176"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="181"/>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="182"/>
        <source>{0} times, last at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="192"/>
        <source>did not arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="196"/>
        <location filename="../../widgets/case_report.py" line="211"/>
        <source>Handled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="197"/>
        <source>{0}, ordered {1} by {2}; recorded ETA {3}, arrived after {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="212"/>
        <source>no order was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="218"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="219"/>
        <source>acknowledged after {0}, order after {1}, on scene after {2}, closed after {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="228"/>
        <source>Nearest at the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="229"/>
        <source>{0}, ETA {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="238"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="240"/>
        <location filename="../../widgets/case_report.py" line="339"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="243"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="244"/>
        <source>{0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="268"/>
        <source>Cameras covering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="278"/>
        <source>Video evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="279"/>
        <source>{0}, {1} to {2}, file {3}, SHA-256 {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="291"/>
        <source>Recorded on the NVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="292"/>
        <source>{0}, {1} to {2}: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="312"/>
        <source>alert {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="334"/>
        <source>Course of the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="336"/>
        <location filename="../../widgets/case_report.py" line="369"/>
        <location filename="../../widgets/case_report.py" line="382"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="337"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="338"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="352"/>
        <source>Other records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="370"/>
        <location filename="../../widgets/case_report.py" line="383"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="371"/>
        <location filename="../../widgets/case_report.py" line="384"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="380"/>
        <source>Other alerts nearby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="387"/>
        <source>alert or order step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="405"/>
        <source>(watch-listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="406"/>
        <source>unknown person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="407"/>
        <source>tag </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="412"/>
        <source> (in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="413"/>
        <source> (out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="432"/>
        <source>incident report {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="442"/>
        <source>Incident report: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="445"/>
        <source>{0} community police office · incident report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="448"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CityMode</name>
    <message>
        <location filename="../../widgets/app.py" line="150"/>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="152"/>
        <source>Replay needs the local store (--db); it is not available on a city database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../widgets/close_dialog.py" line="46"/>
        <source>What was done, who was there, what follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="53"/>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="54"/>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseOutcome</name>
    <message>
        <location filename="../../widgets/close_dialog.py" line="24"/>
        <source>handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="25"/>
        <source>false alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="26"/>
        <source>duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="27"/>
        <source>handed to property management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="28"/>
        <source>handed to 110</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="29"/>
        <source>caught on the spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="30"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="77"/>
        <source>accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="77"/>
        <source>arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="77"/>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="79"/>
        <source>Devices online (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>Alerts per hour by kind (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="74"/>
        <source>Response time, median (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="85"/>
        <source>Reads today (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <location filename="../../widgets/dashboard.py" line="191"/>
        <source>plates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <location filename="../../widgets/dashboard.py" line="191"/>
        <source>faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <location filename="../../widgets/dashboard.py" line="191"/>
        <source>e-bike RFID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="142"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="169"/>
        <source>h</source>
        <comment>hour of day after its number: 08h</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="187"/>
        <source>Devices online: {0:.1f} %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskMode</name>
    <message>
        <location filename="../../widgets/mode.py" line="58"/>
        <source>Replay shows the past: live actions are off until you go back to live.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../widgets/session.py" line="79"/>
        <source>Your role may not unmask personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/session.py" line="84"/>
        <source>Not unmasked: the audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../widgets/detail.py" line="60"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="72"/>
        <location filename="../../widgets/detail.py" line="134"/>
        <source>Click a building, room, device or guard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="77"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="77"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="82"/>
        <location filename="../../widgets/detail.py" line="188"/>
        <source>Unmask personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="188"/>
        <source>Mask personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="208"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="209"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="210"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="211"/>
        <source>floating population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="212"/>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="213"/>
        <source>watch list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="219"/>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="220"/>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="221"/>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="222"/>
        <source>employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="223"/>
        <source>visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="243"/>
        <source>{0} entrance {1}, {2}, room {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="253"/>
        <location filename="../../widgets/detail.py" line="276"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="256"/>
        <source>Landlord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="257"/>
        <source>Agreement signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="258"/>
        <source>Last inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="259"/>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="261"/>
        <source>Group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="261"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="277"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="279"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="284"/>
        <source>Organisation {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="285"/>
        <source>Compound {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="294"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="296"/>
        <source>Closed hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="296"/>
        <source>always open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="299"/>
        <source>Gate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="310"/>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="274"/>
        <location filename="../../widgets/detail.py" line="295"/>
        <location filename="../../widgets/detail.py" line="312"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="313"/>
        <source>Floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="314"/>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="278"/>
        <location filename="../../widgets/detail.py" line="315"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="311"/>
        <location filename="../../widgets/detail.py" line="338"/>
        <source>Standard address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="322"/>
        <location filename="../../widgets/detail.py" line="340"/>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="328"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="329"/>
        <source>Building {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="337"/>
        <location filename="../../widgets/detail.py" line="357"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="339"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="346"/>
        <source>Room {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="355"/>
        <location filename="../../widgets/detail.py" line="396"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="356"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="358"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="359"/>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="361"/>
        <source>Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="363"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="364"/>
        <location filename="../../widgets/detail.py" line="401"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="368"/>
        <source>Person {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="380"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="381"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="382"/>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="383"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="387"/>
        <source>Last fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="388"/>
        <source>Device {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="397"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="398"/>
        <source>Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="404"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="405"/>
        <source>Guard {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="85"/>
        <source>Dispatch nearest guard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../widgets/texts.py" line="24"/>
        <source>face gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="25"/>
        <source>vehicle barrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="26"/>
        <source>capture camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="27"/>
        <source>perimeter detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="28"/>
        <source>visitor terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="29"/>
        <source>RFID reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="30"/>
        <source>alarm button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="31"/>
        <source>behaviour camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="32"/>
        <source>throwing camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="33"/>
        <source>video intercom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="34"/>
        <source>door controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="35"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="36"/>
        <source>smoke detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="37"/>
        <source>gas sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="38"/>
        <source>water sensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="39"/>
        <source>door magnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="40"/>
        <source>smart lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="41"/>
        <source>mobile camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="42"/>
        <source>body camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="43"/>
        <source>radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="44"/>
        <source>GPS tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="45"/>
        <source>smart watch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="90"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="109"/>
        <location filename="../../widgets/dispatch_panel.py" line="269"/>
        <source>Select an alert to see the nearest guards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <location filename="../../widgets/dispatch_panel.py" line="132"/>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="121"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="122"/>
        <source>Dispatch selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="123"/>
        <source>One call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="128"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="133"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="134"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="135"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="136"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="137"/>
        <location filename="../../widgets/dispatch_panel.py" line="149"/>
        <source>On scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="143"/>
        <source>Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="152"/>
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="154"/>
        <source>Feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="156"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="346"/>
        <source>{0} · not on scene in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="355"/>
        <source>Not on scene in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="403"/>
        <source>The guard radioed in from the scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="198"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="240"/>
        <location filename="../../widgets/texts.py" line="206"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="241"/>
        <location filename="../../widgets/texts.py" line="207"/>
        <source>escalated: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="242"/>
        <location filename="../../widgets/texts.py" line="208"/>
        <source>accepted, on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="243"/>
        <location filename="../../widgets/texts.py" line="209"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="244"/>
        <location filename="../../widgets/texts.py" line="210"/>
        <source>handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="245"/>
        <location filename="../../widgets/texts.py" line="211"/>
        <source>feedback given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="246"/>
        <location filename="../../widgets/texts.py" line="212"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="247"/>
        <location filename="../../widgets/texts.py" line="213"/>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="248"/>
        <location filename="../../widgets/texts.py" line="214"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="271"/>
        <source>Alert: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="305"/>
        <source>Last position is old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="362"/>
        <source>No answer from: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="419"/>
        <source>To accept {0} · to arrive {1} · to close {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="460"/>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="460"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="474"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="474"/>
        <source>What was done:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="490"/>
        <source>Photo (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="490"/>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>Travel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="256"/>
        <source>on foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="256"/>
        <source>e-bike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="256"/>
        <source>car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="434"/>
        <source>Second order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="435"/>
        <source>{0} already sent to this alert. Also send {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="138"/>
        <source>Recorded ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="144"/>
        <source>Follow this guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="146"/>
        <source>Keep the map centred on the guard of the selected order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Elapsed</name>
    <message>
        <location filename="../../widgets/texts.py" line="278"/>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="280"/>
        <source>{0} min</source>
        <translation type="unfinished">{0} min</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="281"/>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <location filename="../../widgets/texts.py" line="218"/>
        <source>face capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="219"/>
        <source>plate read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="220"/>
        <source>RFID read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="221"/>
        <location filename="../../widgets/texts.py" line="231"/>
        <source>door opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="222"/>
        <source>perimeter breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="223"/>
        <source>smoke alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="224"/>
        <source>gas alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="225"/>
        <source>water alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="226"/>
        <source>alarm button pressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="227"/>
        <source>heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="228"/>
        <location filename="../../widgets/texts.py" line="229"/>
        <source>position fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="230"/>
        <source>flagged position fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="232"/>
        <source>fall detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="233"/>
        <source>throwing detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="234"/>
        <source>vehicle parked in no-parking zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="235"/>
        <source>renovation work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="236"/>
        <source>e-bike detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="257"/>
        <source>device event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../widgets/filter_panel.py" line="39"/>
        <source>Room usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="40"/>
        <source>Person tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="41"/>
        <source>Device kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="42"/>
        <source>Protective circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="43"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="44"/>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="47"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="48"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="49"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="50"/>
        <source>floating population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="51"/>
        <source>minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="52"/>
        <source>watch-listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="55"/>
        <source>outer circle (gates, perimeter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="56"/>
        <source>middle circle (inside the compound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="57"/>
        <source>inner circle (buildings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="58"/>
        <source>mobile equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="82"/>
        <source>Element filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="105"/>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="251"/>
        <source>Showing {0} of {1} buildings, {2} of {3} devices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardRole</name>
    <message>
        <location filename="../../widgets/texts.py" line="58"/>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="59"/>
        <source>auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="60"/>
        <source>grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="61"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="62"/>
        <source>security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="63"/>
        <source>property staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../widgets/health_panel.py" line="71"/>
        <source>Device health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="93"/>
        <source>Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="94"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="95"/>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="96"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="97"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="98"/>
        <source>Last rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="102"/>
        <source>By kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="103"/>
        <source>Offline devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="104"/>
        <source>Bridges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="139"/>
        <location filename="../../widgets/health_panel.py" line="145"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="140"/>
        <source>{0} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="154"/>
        <source>Devices online: {0:.1f} % ({1} of {2}); bridges: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="183"/>
        <source>silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="185"/>
        <location filename="../../widgets/health_panel.py" line="199"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="187"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageryBasemap</name>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="127"/>
        <location filename="../../widgets/imagery_basemap.py" line="142"/>
        <source>Open imagery basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="129"/>
        <source>Tile files (*.mbtiles *.gpkg);;XYZ tile folder: choose any tile ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="139"/>
        <source>WGS-84 / CGCS2000 (e.g. Tianditu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="139"/>
        <source>GCJ-02 (e.g. Amap, Tencent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="143"/>
        <source>Coordinate system of the tiles:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../widgets/importer.py" line="91"/>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="92"/>
        <source>Import package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="112"/>
        <source>Reading files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="113"/>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="114"/>
        <source>Building the district…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="115"/>
        <source>Saving to the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="123"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/importer.py" line="124"/>
        <source>The package was not imported: %n problem(s) found.</source>
        <translation>
            <numerusform>The package was not imported: %n problem found.</numerusform>
            <numerusform>The package was not imported: %n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportThread</name>
    <message>
        <location filename="../../widgets/importer.py" line="63"/>
        <source>… and {0} more problem(s) not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="68"/>
        <source>The import stopped on an unexpected error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="104"/>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="114"/>
        <source>Standard address, e.g. building, entrance, room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="117"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="115"/>
        <source>no map point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="121"/>
        <source>Caller&apos;s phone (stored masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="124"/>
        <source>What was reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="134"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="135"/>
        <source>Subtype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="136"/>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="137"/>
        <source>Map point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="138"/>
        <source>Caller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="139"/>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="175"/>
        <source>Give an address or pick a point on the map, and a valid phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentType</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="43"/>
        <source>criminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="44"/>
        <source>public order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="45"/>
        <source>dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="46"/>
        <source>help request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="47"/>
        <source>fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="48"/>
        <source>traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="49"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="52"/>
        <source>theft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="53"/>
        <source>robbery or snatching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="54"/>
        <source>fraud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="55"/>
        <source>assault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="56"/>
        <source>other criminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="57"/>
        <source>fight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="58"/>
        <source>disturbing order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="59"/>
        <source>noise nuisance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="60"/>
        <source>gambling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="61"/>
        <source>other public order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="62"/>
        <source>neighbour dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="63"/>
        <source>family dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="64"/>
        <source>property management dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="65"/>
        <source>consumer dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="66"/>
        <source>other dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="67"/>
        <source>missing person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="68"/>
        <source>locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="69"/>
        <source>sudden illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="70"/>
        <source>elderly person needs help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="71"/>
        <source>other help request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="72"/>
        <source>building fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="73"/>
        <source>e-bike fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="74"/>
        <source>smoke or burning smell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="75"/>
        <source>other fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="76"/>
        <source>traffic accident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="77"/>
        <source>road blocked by parking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="78"/>
        <source>other traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="79"/>
        <source>other incident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="72"/>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="95"/>
        <location filename="../../widgets/incidents_panel.py" line="171"/>
        <source>Select an incident to see its response plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="99"/>
        <source>Close incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="114"/>
        <source>110 hand-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="115"/>
        <source>walk-in or call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="116"/>
        <source>from an alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="124"/>
        <source>Plan: send {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="125"/>
        <source>Accept within {0} s, on scene within {1} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="130"/>
        <source>Call: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="193"/>
        <source>Close incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="193"/>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="231"/>
        <source>Incident: {0} · {1}</source>
        <translation type="unfinished"></translation>
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
        <source>Water &amp; green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="61"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="69"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="70"/>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="71"/>
        <source>on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="72"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="77"/>
        <source>incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="80"/>
        <source>trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="86"/>
        <source>gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="87"/>
        <source>risk 0–100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="88"/>
        <source>beyond reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="90"/>
        <source>elderly living alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>key person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="93"/>
        <source>has a group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
        <source>main road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="96"/>
        <source>footway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="97"/>
        <source>water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="97"/>
        <source>green space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="99"/>
        <source>compound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../widgets/live_controller.py" line="94"/>
        <source>Live feed: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="94"/>
        <source>Offline view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="167"/>
        <source>Events: {0} ({1}/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="173"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="173"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="175"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="194"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="211"/>
        <source>Simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="215"/>
        <source>Live feed failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="250"/>
        <location filename="../../widgets/live_controller.py" line="339"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="254"/>
        <location filename="../../widgets/live_controller.py" line="343"/>
        <source>Not changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="258"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="277"/>
        <source>No recommendation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="298"/>
        <source>Sent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="301"/>
        <source>{0} is already on order {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="318"/>
        <source>Order {0} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="334"/>
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
        <location filename="../../widgets/main_window.py" line="198"/>
        <source>3D sandbox: needs an OpenGL display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="358"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="387"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="388"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="389"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="390"/>
        <source>Camera views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="391"/>
        <source>Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="392"/>
        <source>Risk heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="393"/>
        <source>Dispatch routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="394"/>
        <source>Coverage gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="395"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="396"/>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="397"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="398"/>
        <source>Water &amp; green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="399"/>
        <source>Grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="404"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="405"/>
        <source>Import package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="409"/>
        <source>New incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="414"/>
        <source>Open imagery basemap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="418"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="422"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="423"/>
        <source>Fit map to district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="426"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="335"/>
        <source>Reset 3D view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="173"/>
        <source>Imagery basemap {0} cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="437"/>
        <source>Choose a district package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="509"/>
        <location filename="../../widgets/main_window.py" line="570"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="511"/>
        <source>Digital Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="519"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="520"/>
        <source>no district loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTips</name>
    <message>
        <location filename="../../widgets/map_tips.py" line="52"/>
        <source>Guard {0} · {1} · fix {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="59"/>
        <source>Building {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="62"/>
        <source>{0} of {1} rooms rented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="68"/>
        <source>Device {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="76"/>
        <source>Alert {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="80"/>
        <source>Gate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="82"/>
        <source>Compound {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="88"/>
        <source>time unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="91"/>
        <source>{0} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="93"/>
        <source>{0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="94"/>
        <source>{0} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="100"/>
        <source>no rooms registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="103"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="103"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="103"/>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrgType</name>
    <message>
        <location filename="../../widgets/texts.py" line="77"/>
        <source>shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="78"/>
        <source>restaurant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="79"/>
        <source>school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="80"/>
        <source>university</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="81"/>
        <source>kindergarten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="82"/>
        <source>company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="83"/>
        <source>clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="84"/>
        <source>hotel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="85"/>
        <source>government office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="86"/>
        <source>other organisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <location filename="../../widgets/texts.py" line="91"/>
        <source>in a room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="92"/>
        <source>on a building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="93"/>
        <source>at a gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="94"/>
        <source>at a point</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RealScene</name>
    <message>
        <location filename="../../widgets/real_scene.py" line="33"/>
        <source>Open real-scene 3D model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="34"/>
        <source>Show a 3D Tiles tileset (tileset.json) in the 3D sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="37"/>
        <source>Real-scene model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="42"/>
        <source>Building blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="92"/>
        <source>Cannot open the real-scene model {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="97"/>
        <source>Real-scene model {0} shown at the district&apos;s centre (it has no geographic position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="100"/>
        <source>Real-scene model {0} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="107"/>
        <source>Open real-scene 3D model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="109"/>
        <source>3D Tiles tileset (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayController</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="255"/>
        <location filename="../../widgets/replay_controller.py" line="282"/>
        <location filename="../../widgets/replay_controller.py" line="367"/>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="281"/>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="285"/>
        <source>Case file of the selected alert…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="288"/>
        <source>Export video of the range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="325"/>
        <source>Nothing to replay: no database yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="330"/>
        <source>Nothing to replay: the event log is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="350"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="537"/>
        <source>Replay failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="637"/>
        <source>Select an alert first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="645"/>
        <source>No case file: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="692"/>
        <source>{0} · recording {1} – {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="731"/>
        <source>Your role may not export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="733"/>
        <source>Not exported: the audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="756"/>
        <source>Word export needs python-docx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="764"/>
        <source>Exported to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="784"/>
        <source>Export video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="784"/>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="811"/>
        <source>Exporting video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="811"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="821"/>
        <source>Exporting video: frame {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="844"/>
        <source>Video not exported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="846"/>
        <source>Video exported: {0} frames to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayFrame</name>
    <message>
        <location filename="../../widgets/mode.py" line="97"/>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/mode.py" line="99"/>
        <source>Replay · {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponseSheet</name>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="29"/>
        <source>to acknowledge (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="30"/>
        <source>to order (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="31"/>
        <source>to accept (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="32"/>
        <source>to arrive (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="33"/>
        <source>to close (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="44"/>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="45"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="46"/>
        <location filename="../../widgets/export_xlsx.py" line="80"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="47"/>
        <source>Guard who went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="48"/>
        <source>Recorded ETA (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="49"/>
        <source>Nearest at the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="50"/>
        <source>Nearest ETA (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="67"/>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="73"/>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="74"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="79"/>
        <source>By compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="85"/>
        <source>By role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="86"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="91"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="94"/>
        <source>{0}: count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="95"/>
        <source>{0}: mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="96"/>
        <source>{0}: median</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomUsage</name>
    <message>
        <location filename="../../widgets/texts.py" line="67"/>
        <source>owner-occupied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="68"/>
        <source>rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="69"/>
        <source>group rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="70"/>
        <source>vacant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="71"/>
        <source>shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="72"/>
        <source>office</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../widgets/roster.py" line="44"/>
        <source>Guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="58"/>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="59"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="60"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="61"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="62"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="63"/>
        <source>Battery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="64"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="112"/>
        <source>patrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="113"/>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="114"/>
        <source>on scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="115"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="156"/>
        <source>off duty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox3D</name>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="180"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="181"/>
        <source>Fly back to the whole district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="283"/>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="283"/>
        <source>{metres} m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../widgets/search_box.py" line="39"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="45"/>
        <source>Name, ID number, phone, address, device, alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="70"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="71"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="72"/>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="73"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="74"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="75"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="76"/>
        <source>Guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="77"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="78"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="92"/>
        <source>Not searched: the audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="101"/>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../widgets/texts.py" line="50"/>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="51"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="52"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="53"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="54"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../widgets/start_page.py" line="39"/>
        <source>No district loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="47"/>
        <source>This station&apos;s database holds no district. Import the district package prepared for your area (buildings, rooms, residents, devices, guards), or open the demo district to look around.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="57"/>
        <source>Import a district package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="60"/>
        <source>Open the demo district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="66"/>
        <source>No demo package at {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../widgets/startup.py" line="29"/>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="30"/>
        <source>The database {0} does not exist.
Create it and load the district from {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="59"/>
        <source>District time: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="64"/>
        <source>District time: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="69"/>
        <source>No login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="73"/>
        <source>This station has no users yet, so nobody logs in and personal data stays masked. An administrator adds users with: sandbox-app user add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationFigures</name>
    <message>
        <location filename="../../widgets/station_figures.py" line="56"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="57"/>
        <source>this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="58"/>
        <source>this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="59"/>
        <source>this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="65"/>
        <source>plates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="66"/>
        <source>faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="67"/>
        <source>e-bike tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="68"/>
        <source>visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="69"/>
        <source>throwing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="70"/>
        <source>road occupations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="76"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="86"/>
        <source>{0:.1f} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="98"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="99"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="100"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="101"/>
        <source>Baseline from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="102"/>
        <source>Baseline to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="108"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="116"/>
        <source>to accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="117"/>
        <source>to arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="118"/>
        <source>to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="124"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="126"/>
        <location filename="../../widgets/station_figures.py" line="203"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="128"/>
        <location filename="../../widgets/station_figures.py" line="154"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="129"/>
        <location filename="../../widgets/station_figures.py" line="139"/>
        <location filename="../../widgets/station_figures.py" line="155"/>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="130"/>
        <location filename="../../widgets/station_figures.py" line="204"/>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="131"/>
        <location filename="../../widgets/station_figures.py" line="205"/>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="136"/>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="138"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="144"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="146"/>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="147"/>
        <source>Median (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="152"/>
        <source>Passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="160"/>
        <source>Population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="162"/>
        <location filename="../../widgets/station_figures.py" line="210"/>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="163"/>
        <location filename="../../widgets/station_figures.py" line="211"/>
        <source>Floating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="164"/>
        <location filename="../../widgets/station_figures.py" line="212"/>
        <source>Elderly alone</source>
        <translation type="unfinished">Elderly</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="165"/>
        <location filename="../../widgets/station_figures.py" line="213"/>
        <source>Rental rooms</source>
        <translation type="unfinished">Rentals</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="166"/>
        <location filename="../../widgets/station_figures.py" line="214"/>
        <source>Group rentals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="171"/>
        <location filename="../../widgets/station_figures.py" line="202"/>
        <source>Compounds without a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="172"/>
        <source>Compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="182"/>
        <source>not in any compound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="183"/>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="191"/>
        <source>By street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="192"/>
        <source>By county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="197"/>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="199"/>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="201"/>
        <source>Compounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="206"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="207"/>
        <source>Accept, median (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="208"/>
        <source>Arrive, median (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="280"/>
        <source>Export XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Alert kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="339"/>
        <source>The figures could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="346"/>
        <source>{0} up to {1}: {2} alerts, {3} against the same stretch before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="362"/>
        <source>Compounds without a case: {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="363"/>
        <source>Outcomes: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="364"/>
        <source>Response, median: accept {0}, arrive {1}, close {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="367"/>
        <source>Passes: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="368"/>
        <source>Population: {0} registered, {1} floating, {2} elderly alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="371"/>
        <source>Rentals: {0} rooms, {1} group rentals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="386"/>
        <source>By street and county: {0} streets in {1} counties (in the export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="399"/>
        <source>Export figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="664"/>
        <source>Station figures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/timeline.py" line="251"/>
        <location filename="../../widgets/timeline.py" line="487"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="253"/>
        <source>◀ Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="254"/>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="255"/>
        <source>◀ Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="256"/>
        <source>Alert ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="260"/>
        <source>{0}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="268"/>
        <source>Go to: 2024-05-01 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="269"/>
        <source>Date and time, or a time on the day shown; Enter jumps there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="281"/>
        <location filename="../../widgets/timeline.py" line="507"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="389"/>
        <source>Not a moment in the stored history: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="425"/>
        <source>alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="427"/>
        <source>At alert: {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="436"/>
        <source>Live ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="480"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="38"/>
        <source>Click: go to that moment; drag the cursor: scrub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="39"/>
        <source>Drag elsewhere: pan; mouse wheel: zoom around the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="40"/>
        <source>Shift+drag: zoom to a range; double click: whole history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="41"/>
        <source>Space: play/pause; ←/→: step; PgUp/PgDn: previous/next alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="44"/>
        <source>+/−: zoom in/out; Home: whole history; Ctrl+G: go to date/time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackPanel</name>
    <message>
        <location filename="../../widgets/search_track.py" line="80"/>
        <source>Replay there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="83"/>
        <source>Export track…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="116"/>
        <source>Reading the last 30 days…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="140"/>
        <source>The passes could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="156"/>
        <source>No passes in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="160"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="161"/>
        <source>{0} passes in 30 days. Last seen {1} at {2}; cameras within {3} m: {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="165"/>
        <source>(only the first {0} shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="202"/>
        <source>Export track</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoDialog</name>
    <message>
        <location filename="../../widgets/video_dialog.py" line="57"/>
        <source>Export video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="66"/>
        <source>{0}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="82"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="83"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="84"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="85"/>
        <source>Frame size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="123"/>
        <source>{0} to {1} at {2:g}×: a video of {3} min {4} s ({5} frames), about {6} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="133"/>
        <source>The end must be after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="135"/>
        <source>Too long for one video: raise the speed or shorten the range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../widgets/wall_screen.py" line="150"/>
        <source>Open alerts</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="173"/>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="174"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="175"/>
        <source>Online rate</source>
        <translation>Online rate</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="176"/>
        <source>Passes today</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="177"/>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="178"/>
        <source>Rental rooms</source>
        <translation>Rentals</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="179"/>
        <source>Elderly alone</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="180"/>
        <source>Key persons</source>
        <translation>Key people</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="192"/>
        <source>Patrol strength</source>
        <translation>Guards</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="208"/>
        <source>Overview · touring</source>
        <translation>Overview · touring</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="298"/>
        <source>Digital Sandbox · {0}</source>
        <translation>Digital Sandbox · {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="307"/>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="308"/>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="309"/>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="310"/>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="311"/>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="312"/>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="313"/>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="315"/>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="352"/>
        <source>vs last month {0}{1:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="354"/>
        <source>vs last month: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="355"/>
        <source>Alerts this month {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="358"/>
        <source>Compounds without a case {0} / {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="359"/>
        <source>Quiet compounds {0} / {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="367"/>
        <source>crit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="368"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="369"/>
        <source>med.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="370"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="380"/>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="381"/>
        <source>{0} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="388"/>
        <source>{k:.0f}k</source>
        <translation>{k:.0f}k</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="394"/>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="394"/>
        <source>Pol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="396"/>
        <source>Auxiliary police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="397"/>
        <source>Aux. police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="398"/>
        <source>Auxiliary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="399"/>
        <source>Aux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="401"/>
        <source>Grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="401"/>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="402"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="402"/>
        <source>Vol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="403"/>
        <source>Security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="403"/>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="403"/>
        <source>Sec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="404"/>
        <source>Property staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="404"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="404"/>
        <source>Prop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="475"/>
        <source>[{0}] alert · {1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="492"/>
        <source>Camera: {0}</source>
        <translation>Camera: {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="499"/>
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="505"/>
        <source>Guard dispatched</source>
        <translation>Guard dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="512"/>
        <source>Nobody dispatched: {0}</source>
        <translation>Unassigned: {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="517"/>
        <source>[{0}] {1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="378"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="502"/>
        <source>Nobody dispatched · waiting {0}</source>
        <translation>Unassigned · {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="530"/>
        <source>and {0} more</source>
        <translation>and {0} more</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="583"/>
        <source>Open alerts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
