<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../../widgets/alert_card.py" line="46"/>
        <source>Warning type</source>
        <translation>预警类型</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="47"/>
        <source>Level</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="48"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="49"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="50"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="51"/>
        <source>Unit and room</source>
        <translation>单元/房间</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="52"/>
        <source>Standard address</source>
        <translation>标准地址</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="53"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="54"/>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="55"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="56"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="62"/>
        <location filename="../../widgets/alert_card.py" line="75"/>
        <source>Nearest guard</source>
        <translation>最近警力</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="63"/>
        <source>{0} ({1}) {2} {3}, {4} m</source>
        <translation>{0}（{1}）{2} {3}，{4} 米</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_card.py" line="76"/>
        <source>being looked up…</source>
        <translation>正在查询…</translation>
    </message>
</context>
<context>
    <name>AlertHistory</name>
    <message>
        <location filename="../../widgets/alert_history.py" line="65"/>
        <source>Alert history</source>
        <translation>历史预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="74"/>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="75"/>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="76"/>
        <source>Last 90 days</source>
        <translation>近90天</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="77"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="84"/>
        <source>Search incident, address, note or who closed it</source>
        <translation>按警情类别、地址、处置情况或办结人搜索</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Raised</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Incident</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="90"/>
        <source>Note</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_history.py" line="99"/>
        <source>Open case report</source>
        <translation>打开处置报告</translation>
    </message>
</context>
<context>
    <name>AlertNotice</name>
    <message>
        <location filename="../../widgets/texts.py" line="265"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="267"/>
        <source>{0} min ago</source>
        <translation>{0} 分钟前</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="269"/>
        <source>{0} h ago</source>
        <translation>{0} 小时前</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="270"/>
        <source>{0} d ago</source>
        <translation>{0} 天前</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="88"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="93"/>
        <source>Alerts nobody has acknowledged yet; click to select the worst</source>
        <translation>尚未签收的预警；点击选中等级最高的一条</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="99"/>
        <source>Sound</source>
        <translation>声音提示</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="104"/>
        <source>Play a tone for new medium, high and critical alerts</source>
        <translation>新的中、高、紧急等级预警响铃提示</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="129"/>
        <source>New alert · {0} · {1} · {2}</source>
        <translation>新预警 · {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="135"/>
        <source> (+{0} more)</source>
        <translation>（另有 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_notice.py" line="156"/>
        <source>Not acknowledged: {0} ({1} high or critical)</source>
        <translation>未签收预警：{0}（其中高等级 {1}）</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="119"/>
        <source>Age</source>
        <translation>距今</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="245"/>
        <source>seen</source>
        <translation>已查看</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="385"/>
        <source>{0} subjects, latest {1}</source>
        <translation>{0} 个对象，最新：{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="420"/>
        <source>Pinned on top until acknowledged</source>
        <translation>签收前置顶显示</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="415"/>
        <source>{0} alerts of this rule: a step acts on all of them</source>
        <translation>该类预警共 {0} 条：操作将作用于全部</translation>
    </message>
</context>
<context>
    <name>AlertPlace</name>
    <message>
        <location filename="../../widgets/alert_place.py" line="23"/>
        <source>basement {0}</source>
        <translation>地下{0}层</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_place.py" line="24"/>
        <source>floor {0}</source>
        <translation>{0}层</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_place.py" line="79"/>
        <source>unit {0}</source>
        <translation>{0}单元</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_place.py" line="80"/>
        <source>unit {0} {1} room {2}</source>
        <translation>{0}单元 {1} {2}室</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="90"/>
        <source>Open alerts</source>
        <translation>未处置预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="112"/>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="113"/>
        <source>Rule</source>
        <translation>预警类型</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="114"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="115"/>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="116"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="117"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="118"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="133"/>
        <source>All severities</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="136"/>
        <source>{0} and above</source>
        <translation>{0}及以上</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>Filter by rule, subject or state</source>
        <translation>按预警类型、对象或状态筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>History…</source>
        <translation>历史预警…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>Closed and dismissed alerts, with their case reports</source>
        <translation>已办结和已撤销的预警及其处置报告</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="161"/>
        <source>To property</source>
        <translation>移交物业</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="162"/>
        <source>To grid worker</source>
        <translation>移交网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="163"/>
        <source>To 110…</source>
        <translation>移交110…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="172"/>
        <source>The compound&apos;s property staff handle it first; unhandled in time, it comes back here</source>
        <translation>由本小区物业先行处置；超时未处置，自动回到警务室</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="222"/>
        <source>Acknowledge</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="223"/>
        <source>Mark dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="224"/>
        <source>Resolve</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="225"/>
        <source>Close with feedback…</source>
        <translation>反馈办结…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="226"/>
        <source>Dismiss…</source>
        <translation>误报核销…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="232"/>
        <location filename="../../widgets/texts.py" line="197"/>
        <source>new</source>
        <translation>新预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="233"/>
        <location filename="../../widgets/texts.py" line="198"/>
        <source>acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="234"/>
        <location filename="../../widgets/texts.py" line="199"/>
        <source>dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="235"/>
        <location filename="../../widgets/texts.py" line="200"/>
        <source>resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="236"/>
        <location filename="../../widgets/texts.py" line="201"/>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="237"/>
        <location filename="../../widgets/texts.py" line="202"/>
        <source>dismissed</source>
        <translation>已核销</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="257"/>
        <source>property overdue</source>
        <translation>物业超时</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="259"/>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="262"/>
        <source>with property</source>
        <translation>物业处置中</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="263"/>
        <source>with grid worker</source>
        <translation>网格员处置中</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="264"/>
        <source>handed to 110</source>
        <translation>已移交110</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="274"/>
        <location filename="../../widgets/texts.py" line="135"/>
        <source>Elderly: no activity</source>
        <extracomment>code elderly_no_activity</extracomment>
        <translation>独居老人无活动</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="275"/>
        <location filename="../../widgets/texts.py" line="137"/>
        <source>Unregistered card opened a rental room</source>
        <extracomment>code unregistered_opener</extracomment>
        <translation>出租屋未登记人员开门</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="276"/>
        <location filename="../../widgets/texts.py" line="139"/>
        <source>Unreported tenant</source>
        <extracomment>code unreported_tenant</extracomment>
        <translation>疑似流动人口未登记</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="277"/>
        <location filename="../../widgets/texts.py" line="141"/>
        <source>Watch-listed face</source>
        <extracomment>code face_watchlist</extracomment>
        <translation>布控人员比中</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="278"/>
        <location filename="../../widgets/texts.py" line="143"/>
        <source>Stranger at a face gate</source>
        <extracomment>code face_stranger</extracomment>
        <translation>陌生人通行</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="279"/>
        <location filename="../../widgets/texts.py" line="145"/>
        <source>Tailgating</source>
        <extracomment>code tailgating</extracomment>
        <translation>尾随通行</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="280"/>
        <location filename="../../widgets/texts.py" line="147"/>
        <source>Blacklisted plate</source>
        <extracomment>code plate_blacklist</extracomment>
        <translation>黑名单车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="281"/>
        <location filename="../../widgets/texts.py" line="149"/>
        <source>Vehicle overstay</source>
        <extracomment>code vehicle_overstay</extracomment>
        <translation>车辆长时间滞留</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="282"/>
        <location filename="../../widgets/texts.py" line="151"/>
        <source>Perimeter breach</source>
        <extracomment>code perimeter_breach</extracomment>
        <translation>周界入侵</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="283"/>
        <location filename="../../widgets/texts.py" line="153"/>
        <source>Smoke alarm</source>
        <extracomment>code smoke_alarm</extracomment>
        <translation>烟感报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="284"/>
        <location filename="../../widgets/texts.py" line="155"/>
        <source>Gas alarm</source>
        <extracomment>code gas_alarm</extracomment>
        <translation>燃气报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="285"/>
        <location filename="../../widgets/texts.py" line="157"/>
        <source>Water leak</source>
        <extracomment>code water_alarm</extracomment>
        <translation>水浸报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="286"/>
        <location filename="../../widgets/texts.py" line="159"/>
        <source>Fall detected</source>
        <extracomment>code fall_detected</extracomment>
        <translation>人员跌倒报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="287"/>
        <location filename="../../widgets/texts.py" line="161"/>
        <source>High-altitude throwing</source>
        <extracomment>code throw_detected</extracomment>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="288"/>
        <location filename="../../widgets/texts.py" line="163"/>
        <source>One-click alarm</source>
        <extracomment>code alarm_button</extracomment>
        <translation>一键报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="289"/>
        <location filename="../../widgets/texts.py" line="165"/>
        <source>Elderly routine deviation</source>
        <extracomment>code elderly_routine</extracomment>
        <translation>独居老人作息异常</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="290"/>
        <location filename="../../widgets/texts.py" line="167"/>
        <source>Implausible GPS fix</source>
        <extracomment>code gps_sanity</extracomment>
        <translation>GPS 定位异常</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="291"/>
        <location filename="../../widgets/texts.py" line="169"/>
        <source>Device offline</source>
        <extracomment>code device_offline</extracomment>
        <translation>设备离线</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="292"/>
        <location filename="../../widgets/texts.py" line="171"/>
        <source>Dispatch order not answered</source>
        <extracomment>code dispatch_escalation</extracomment>
        <translation>调度指令超时未签收</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="293"/>
        <location filename="../../widgets/texts.py" line="173"/>
        <source>Not handled by property in time</source>
        <extracomment>code handoff_overdue</extracomment>
        <translation>物业超时未处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="294"/>
        <location filename="../../widgets/texts.py" line="175"/>
        <source>Loitering at the gates</source>
        <extracomment>code loitering</extracomment>
        <translation>出入口可疑徘徊</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="295"/>
        <location filename="../../widgets/texts.py" line="177"/>
        <source>Stolen e-bike tag read</source>
        <extracomment>code ebike_stolen</extracomment>
        <translation>被盗电动车标签出现</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="296"/>
        <location filename="../../widgets/texts.py" line="179"/>
        <source>Patrol checkpoint missed</source>
        <extracomment>code patrol_missed</extracomment>
        <translation>巡更点漏巡</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="297"/>
        <location filename="../../widgets/texts.py" line="181"/>
        <source>Vehicle blocking fire lane</source>
        <extracomment>code fire_lane</extracomment>
        <translation>消防通道占用</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="298"/>
        <location filename="../../widgets/texts.py" line="183"/>
        <source>Renovation outside permitted hours</source>
        <extracomment>code renovation_hours</extracomment>
        <translation>违规时段装修</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="299"/>
        <location filename="../../widgets/texts.py" line="185"/>
        <source>E-bike in a lift or stairwell</source>
        <extracomment>code ebike_in_lift</extracomment>
        <translation>电动车进电梯/楼道</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="300"/>
        <location filename="../../widgets/texts.py" line="187"/>
        <source>Rooftop door opened at night</source>
        <extracomment>code rooftop_door_night</extracomment>
        <translation>夜间天台门开启</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="301"/>
        <location filename="../../widgets/texts.py" line="189"/>
        <source>E-bike leaving at an unusual night hour</source>
        <extracomment>code ebike_night_departure</extracomment>
        <translation>电动车夜间异常驶离</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="302"/>
        <source>Conflicting reports (possible spoofing)</source>
        <translation>上报数据冲突（疑似仿冒）</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="390"/>
        <source>Not on scene in time</source>
        <translation>超时未到场</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="482"/>
        <source>{0}&apos;s grid worker handles it first; unhandled in time, it comes back here</source>
        <translation>由{0}网格员先行处置；超时未处置，自动回到警务室</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="486"/>
        <source>Only for an alert inside a grid</source>
        <translation>仅限发生在网格内的预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="504"/>
        <source>Video evidence: {0}</source>
        <translation>视频证据：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="525"/>
        <source>Camera snapshot: {0}</source>
        <translation>摄像机抓拍：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="542"/>
        <location filename="../../widgets/alerts_panel.py" line="559"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="559"/>
        <source>To 110</source>
        <translation>移交110</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../widgets/camera_tile.py" line="48"/>
        <source>Camera {0} · {1}</source>
        <translation>摄像机 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tile.py" line="51"/>
        <source>Camera {0}
{1}
(no video stream)</source>
        <translation>摄像机 {0}
{1}
（无视频流）</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../widgets/camera_view.py" line="40"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="63"/>
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="63"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="866"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="867"/>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="868"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="869"/>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="883"/>
        <source>Play recording</source>
        <translation>播放录像</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="903"/>
        <source>Recorded video on the NVRs: searching…</source>
        <translation>录像机中的录像：查询中…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="919"/>
        <source>{0}: {1} – {2}</source>
        <translation>{0}：{1} – {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="920"/>
        <source>Recorded video on the NVRs: {0}</source>
        <translation>录像机中的录像：{0} 段</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="922"/>
        <source>{0} NVR(s) did not answer</source>
        <translation>{0} 台录像机未响应</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="933"/>
        <source>Case file {0}</source>
        <translation>事件档案 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="934"/>
        <source>{0} entries within {1:g} m</source>
        <translation>{1:g} 米范围内共 {0} 条记录</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="944"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="945"/>
        <source>Word (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="946"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="947"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON 文件 (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="952"/>
        <source>Export case file</source>
        <translation>导出事件档案</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="31"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>CasePdf</name>
    <message>
        <location filename="../../widgets/export_docx.py" line="94"/>
        <location filename="../../widgets/export_pdf.py" line="262"/>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页 共 {1} 页</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="104"/>
        <location filename="../../widgets/export_pdf.py" line="280"/>
        <source>Summary</source>
        <translation>警情摘要</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="105"/>
        <location filename="../../widgets/export_pdf.py" line="281"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="105"/>
        <location filename="../../widgets/export_pdf.py" line="281"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="110"/>
        <location filename="../../widgets/export_pdf.py" line="287"/>
        <source>Camera snapshot at the alert</source>
        <translation>预警抓拍图</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="117"/>
        <location filename="../../widgets/export_pdf.py" line="294"/>
        <location filename="../../widgets/export_pdf.py" line="303"/>
        <source>Map at the time of the alert</source>
        <translation>预警发生时态势图</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="122"/>
        <location filename="../../widgets/export_pdf.py" line="309"/>
        <source>Evidence appendix</source>
        <translation>附件：证据记录</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="125"/>
        <location filename="../../widgets/export_pdf.py" line="312"/>
        <source>{0} heartbeats and routine position fixes are not listed (--all includes them).</source>
        <translation>已略去心跳和常规定位记录 {0} 条（使用 --all 可全部列出）。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="131"/>
        <location filename="../../widgets/export_pdf.py" line="320"/>
        <source>No device records near the incident in the case window.</source>
        <translation>事发周边在案卷时段内无设备记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_docx.py" line="135"/>
        <location filename="../../widgets/export_pdf.py" line="326"/>
        <source>System record: {0}</source>
        <translation>系统记录编号：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="86"/>
        <source>{0}: route from the order (ring) to arrival (dot)</source>
        <translation>{0}：自接令处（空心圆）至到场处（实心圆）的实际行进轨迹</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="100"/>
        <source>Incident, with the {0:g} m circle searched for records</source>
        <translation>事发位置，圆圈为调取记录的 {0:g} 米范围</translation>
    </message>
</context>
<context>
    <name>CaseReport</name>
    <message>
        <location filename="../../widgets/case_report.py" line="88"/>
        <source>Alert</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="93"/>
        <source>%Y-%m-%d %H:%M:%S</source>
        <translation>%Y年%m月%d日 %H:%M:%S</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="109"/>
        <source>{0} h {1} min</source>
        <translation>{0}小时{1}分</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="111"/>
        <source>{0} min {1} s</source>
        <translation>{0}分{1}秒</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="112"/>
        <source>{0} s</source>
        <translation>{0}秒</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="124"/>
        <source>entrance {0}</source>
        <translation>{0}单元</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="126"/>
        <location filename="../../widgets/case_report.py" line="135"/>
        <source>room {0}</source>
        <translation>{0}室</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="129"/>
        <location filename="../../widgets/case_report.py" line="269"/>
        <source>, </source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="163"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="171"/>
        <source>Incident</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="172"/>
        <source>Severity</source>
        <translation>警情级别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="173"/>
        <source>Concerning</source>
        <translation>涉及对象</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="174"/>
        <source>Address</source>
        <translation>事发地址</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="175"/>
        <source>Raised</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="176"/>
        <source>Status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="181"/>
        <source>Signals</source>
        <translation>触发次数</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="182"/>
        <source>{0} times, last at {1}</source>
        <translation>共 {0} 次，最后一次 {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="192"/>
        <source>did not arrive</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="196"/>
        <location filename="../../widgets/case_report.py" line="211"/>
        <source>Handled by</source>
        <translation>处警人员</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="197"/>
        <source>{0}, ordered {1} by {2}; recorded ETA {3}, arrived after {4}</source>
        <translation>{0}，{1} 由{2}派警；派警时预计 {3} 到达，实际用时 {4} 到场</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="212"/>
        <source>no order was sent</source>
        <translation>未派警</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="218"/>
        <source>Response</source>
        <translation>响应用时</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="219"/>
        <source>acknowledged after {0}, order after {1}, on scene after {2}, closed after {3}</source>
        <translation>签收 {0}，派警 {1}，到场 {2}，办结 {3}（均自报警起算）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="228"/>
        <source>Nearest at the time</source>
        <translation>当时最近警力</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="229"/>
        <source>{0}, ETA {1}</source>
        <translation>{0}，预计 {1} 可到</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="238"/>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="240"/>
        <location filename="../../widgets/case_report.py" line="339"/>
        <source>Note</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="243"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="244"/>
        <source>{0} by {1}</source>
        <translation>{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="268"/>
        <source>Cameras covering</source>
        <translation>覆盖事发地的摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="278"/>
        <source>Video evidence</source>
        <translation>视频证据</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="279"/>
        <source>{0}, {1} to {2}, file {3}, SHA-256 {4}</source>
        <translation>{0}，{1} 至 {2}，文件 {3}，SHA-256 {4}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="291"/>
        <source>Recorded on the NVR</source>
        <translation>硬盘录像机录像</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="292"/>
        <source>{0}, {1} to {2}: {3}</source>
        <translation>{0}，{1} 至 {2}：{3}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="312"/>
        <source>alert {0}</source>
        <translation>警情{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="334"/>
        <source>Course of the incident</source>
        <translation>处置经过</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="336"/>
        <location filename="../../widgets/case_report.py" line="369"/>
        <location filename="../../widgets/case_report.py" line="382"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="337"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="338"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="352"/>
        <source>Other records</source>
        <translation>其他记录</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="370"/>
        <location filename="../../widgets/case_report.py" line="383"/>
        <source>Record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="371"/>
        <location filename="../../widgets/case_report.py" line="384"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="380"/>
        <source>Other alerts nearby</source>
        <translation>周边其他警情</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="387"/>
        <source>alert or order step</source>
        <translation>警情或派警环节</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="405"/>
        <source>(watch-listed)</source>
        <translation>（布控人员）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="406"/>
        <source>unknown person</source>
        <translation>未登记人员</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="407"/>
        <source>tag </source>
        <translation>标签 </translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="412"/>
        <source> (in)</source>
        <translation>（进）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="413"/>
        <source> (out)</source>
        <translation>（出）</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="432"/>
        <source>incident report {0}</source>
        <translation>警情处置报告_{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="442"/>
        <source>Incident report: {0}</source>
        <translation>警情处置报告：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="445"/>
        <source>{0} community police office · incident report</source>
        <translation>{0}社区警务室 · 警情处置报告</translation>
    </message>
    <message>
        <location filename="../../widgets/case_report.py" line="448"/>
        <source>Case number</source>
        <translation>警情编号</translation>
    </message>
</context>
<context>
    <name>CityMode</name>
    <message>
        <location filename="../../widgets/app.py" line="150"/>
        <source>&amp;Replay</source>
        <translation>回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="152"/>
        <source>Replay needs the local store (--db); it is not available on a city database</source>
        <translation>回放需要本地数据库（--db），市级数据库暂不支持回放</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../widgets/close_dialog.py" line="46"/>
        <source>What was done, who was there, what follows</source>
        <translation>处置经过、到场人员、后续跟进</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="53"/>
        <source>Outcome:</source>
        <translation>处置结果：</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="54"/>
        <source>Note:</source>
        <translation>处置情况：</translation>
    </message>
</context>
<context>
    <name>CloseOutcome</name>
    <message>
        <location filename="../../widgets/close_dialog.py" line="24"/>
        <source>handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="25"/>
        <source>false alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="26"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="27"/>
        <source>handed to property management</source>
        <translation>移交物业</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="28"/>
        <source>handed to 110</source>
        <translation>移交110</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="29"/>
        <source>caught on the spot</source>
        <translation>现场抓获</translation>
    </message>
    <message>
        <location filename="../../widgets/close_dialog.py" line="30"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="77"/>
        <source>accept</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="77"/>
        <source>arrive</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="77"/>
        <source>close</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="79"/>
        <source>Devices online (%)</source>
        <translation>设备在线率（%）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>Alerts per hour by kind (count)</source>
        <translation>每小时预警（按类型，起）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="74"/>
        <source>Response time, median (minutes)</source>
        <translation>处置用时中位数（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="85"/>
        <source>Reads today (count)</source>
        <translation>今日识别（次）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <location filename="../../widgets/dashboard.py" line="191"/>
        <source>plates</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <location filename="../../widgets/dashboard.py" line="191"/>
        <source>faces</source>
        <translation>人脸</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="96"/>
        <location filename="../../widgets/dashboard.py" line="191"/>
        <source>e-bike RFID</source>
        <translation>电动车 RFID</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="142"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="169"/>
        <source>h</source>
        <comment>hour of day after its number: 08h</comment>
        <translation>时</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="187"/>
        <source>Devices online: {0:.1f} %</source>
        <translation>设备在线率：{0:.1f} %</translation>
    </message>
</context>
<context>
    <name>DeskMode</name>
    <message>
        <location filename="../../widgets/mode.py" line="58"/>
        <source>Replay shows the past: live actions are off until you go back to live.</source>
        <translation>回放中显示的是历史情况，签收、派警等实时操作已停用；返回实时后可操作。</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../widgets/session.py" line="79"/>
        <source>Your role may not unmask personal data.</source>
        <translation>您的角色无权查看未脱敏的个人信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/session.py" line="84"/>
        <source>Not unmasked: the audit log cannot be written.</source>
        <translation>未解除脱敏：审计日志无法写入。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../widgets/detail.py" line="60"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="72"/>
        <location filename="../../widgets/detail.py" line="134"/>
        <source>Click a building, room, device or guard.</source>
        <translation>点击楼栋、房屋、设备或巡防人员查看详情。</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="77"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="77"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="82"/>
        <location filename="../../widgets/detail.py" line="188"/>
        <source>Unmask personal data</source>
        <translation>显示完整个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="188"/>
        <source>Mask personal data</source>
        <translation>隐藏个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="208"/>
        <source>elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="209"/>
        <source>disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="210"/>
        <source>key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="211"/>
        <source>floating population</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="212"/>
        <source>minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="213"/>
        <source>watch list</source>
        <translation>布控人员比中</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="219"/>
        <source>owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="220"/>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="221"/>
        <source>family</source>
        <translation>家属</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="222"/>
        <source>employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="223"/>
        <source>visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="243"/>
        <source>{0} entrance {1}, {2}, room {3}</source>
        <translation>{0} {1}单元 {2} {3}室</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="253"/>
        <location filename="../../widgets/detail.py" line="276"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="256"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="257"/>
        <source>Agreement signed</source>
        <translation>治安责任书签订</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="258"/>
        <source>Last inspection</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="259"/>
        <source>Tenants</source>
        <translation>承租人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="261"/>
        <source>Group rental</source>
        <translation>群租</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="261"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="277"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="279"/>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="284"/>
        <source>Organisation {0} ({1})</source>
        <translation>单位 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="285"/>
        <source>Compound {0}</source>
        <translation>小区 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="294"/>
        <source>Gate</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="296"/>
        <source>Closed hours</source>
        <translation>封闭时段</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="296"/>
        <source>always open</source>
        <translation>全天开放</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="299"/>
        <source>Gate {0}</source>
        <translation>出入口 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="310"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="274"/>
        <location filename="../../widgets/detail.py" line="295"/>
        <location filename="../../widgets/detail.py" line="312"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="313"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="314"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="278"/>
        <location filename="../../widgets/detail.py" line="315"/>
        <source>Rooms</source>
        <translation>房屋数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="311"/>
        <location filename="../../widgets/detail.py" line="338"/>
        <source>Standard address</source>
        <translation>标准地址</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="322"/>
        <location filename="../../widgets/detail.py" line="340"/>
        <source>Residents</source>
        <translation>居住人数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="328"/>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="329"/>
        <source>Building {0}</source>
        <translation>楼栋 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="337"/>
        <location filename="../../widgets/detail.py" line="357"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="339"/>
        <source>Usage</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="346"/>
        <source>Room {0}</source>
        <translation>房屋 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="355"/>
        <location filename="../../widgets/detail.py" line="396"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="356"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="358"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="359"/>
        <source>Credentials</source>
        <translation>通行凭证</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="361"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="363"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="364"/>
        <location filename="../../widgets/detail.py" line="401"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="368"/>
        <source>Person {0}</source>
        <translation>人员 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="380"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="381"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="382"/>
        <source>Placement</source>
        <translation>安装位置</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="383"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="387"/>
        <source>Last fix</source>
        <translation>最后定位</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="388"/>
        <source>Device {0}</source>
        <translation>设备 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="397"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="398"/>
        <source>Tracker</source>
        <translation>定位终端</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="404"/>
        <source>Fix age</source>
        <translation>定位距今</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="405"/>
        <source>Guard {0}</source>
        <translation>巡防人员 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="85"/>
        <source>Dispatch nearest guard</source>
        <translation>调派最近警力</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../widgets/texts.py" line="24"/>
        <source>face gate</source>
        <translation>人脸门禁</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="25"/>
        <source>vehicle barrier</source>
        <translation>车辆道闸</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="26"/>
        <source>capture camera</source>
        <translation>抓拍摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="27"/>
        <source>perimeter detector</source>
        <translation>周界探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="28"/>
        <source>visitor terminal</source>
        <translation>访客机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="29"/>
        <source>RFID reader</source>
        <translation>RFID 读卡器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="30"/>
        <source>alarm button</source>
        <translation>一键报警柱</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="31"/>
        <source>behaviour camera</source>
        <translation>行为分析摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="32"/>
        <source>throwing camera</source>
        <translation>高空抛物摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="33"/>
        <source>video intercom</source>
        <translation>可视对讲</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="34"/>
        <source>door controller</source>
        <translation>门禁控制器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="35"/>
        <source>camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="36"/>
        <source>smoke detector</source>
        <translation>烟感探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="37"/>
        <source>gas sensor</source>
        <translation>燃气探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="38"/>
        <source>water sensor</source>
        <translation>水浸探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="39"/>
        <source>door magnet</source>
        <translation>门磁</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="40"/>
        <source>smart lock</source>
        <translation>智能门锁</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="41"/>
        <source>mobile camera</source>
        <translation>移动布控球</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="42"/>
        <source>body camera</source>
        <translation>执法记录仪</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="43"/>
        <source>radio</source>
        <translation>对讲机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="44"/>
        <source>GPS tracker</source>
        <translation>GPS 定位器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="45"/>
        <source>smart watch</source>
        <translation>智能手表</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="90"/>
        <source>Dispatch</source>
        <translation>调度派警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="109"/>
        <location filename="../../widgets/dispatch_panel.py" line="269"/>
        <source>Select an alert to see the nearest guards.</source>
        <translation>选择一条预警以查看最近的巡防力量。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <location filename="../../widgets/dispatch_panel.py" line="132"/>
        <source>Guard</source>
        <translation>巡防人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="121"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="122"/>
        <source>Dispatch selected</source>
        <translation>派遣所选人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="123"/>
        <source>One call</source>
        <translation>一键调度</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="128"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="133"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="134"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="135"/>
        <source>Issued</source>
        <translation>下达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="136"/>
        <source>Accepted</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="137"/>
        <location filename="../../widgets/dispatch_panel.py" line="149"/>
        <source>On scene</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="143"/>
        <source>Cancel order…</source>
        <translation>撤销指令…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="152"/>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="154"/>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="156"/>
        <source>Close</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="346"/>
        <source>{0} · not on scene in time</source>
        <translation>{0} · 超时未到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="355"/>
        <source>Not on scene in time</source>
        <translation>超时未到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="403"/>
        <source>The guard radioed in from the scene</source>
        <translation>队员已通过对讲报告到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="198"/>
        <source>Orders</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="240"/>
        <location filename="../../widgets/texts.py" line="206"/>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="241"/>
        <location filename="../../widgets/texts.py" line="207"/>
        <source>escalated: no answer</source>
        <translation>已升级：无人响应</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="242"/>
        <location filename="../../widgets/texts.py" line="208"/>
        <source>accepted, on the way</source>
        <translation>已签收，赶赴中</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="243"/>
        <location filename="../../widgets/texts.py" line="209"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="244"/>
        <location filename="../../widgets/texts.py" line="210"/>
        <source>handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="245"/>
        <location filename="../../widgets/texts.py" line="211"/>
        <source>feedback given</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="246"/>
        <location filename="../../widgets/texts.py" line="212"/>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="247"/>
        <location filename="../../widgets/texts.py" line="213"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="248"/>
        <location filename="../../widgets/texts.py" line="214"/>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="271"/>
        <source>Alert: {0}</source>
        <translation>预警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="305"/>
        <source>Last position is old</source>
        <translation>最后位置已过时</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="362"/>
        <source>No answer from: {0}</source>
        <translation>无人响应：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="419"/>
        <source>To accept {0} · to arrive {1} · to close {2}</source>
        <translation>签收 {0} · 到场 {1} · 办结 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="460"/>
        <source>Cancel order</source>
        <translation>撤销指令</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="460"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="474"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="474"/>
        <source>What was done:</source>
        <translation>处置情况：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="490"/>
        <source>Photo (optional)</source>
        <translation>现场照片（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="490"/>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="114"/>
        <source>Travel</source>
        <translation>出行方式</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="256"/>
        <source>on foot</source>
        <translation>步行</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="256"/>
        <source>e-bike</source>
        <translation>骑行</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="256"/>
        <source>car</source>
        <translation>驾车</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="434"/>
        <source>Second order</source>
        <translation>重复派警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="435"/>
        <source>{0} already sent to this alert. Also send {1}?</source>
        <translation>该预警已派 {0}，是否再派 {1}？</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="138"/>
        <source>Recorded ETA</source>
        <translation>记录预计到达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="144"/>
        <source>Follow this guard</source>
        <translation>跟随此人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="146"/>
        <source>Keep the map centred on the guard of the selected order</source>
        <translation>地图始终以所选指令的出警人员为中心</translation>
    </message>
</context>
<context>
    <name>Elapsed</name>
    <message>
        <location filename="../../widgets/texts.py" line="278"/>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="280"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="281"/>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <location filename="../../widgets/texts.py" line="218"/>
        <source>face capture</source>
        <translation>人脸抓拍</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="219"/>
        <source>plate read</source>
        <translation>车牌识别</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="220"/>
        <source>RFID read</source>
        <translation>RFID读卡</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="221"/>
        <location filename="../../widgets/texts.py" line="231"/>
        <source>door opened</source>
        <translation>开门</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="222"/>
        <source>perimeter breach</source>
        <translation>周界入侵</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="223"/>
        <source>smoke alarm</source>
        <translation>烟感报警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="224"/>
        <source>gas alarm</source>
        <translation>燃气报警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="225"/>
        <source>water alarm</source>
        <translation>水浸报警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="226"/>
        <source>alarm button pressed</source>
        <translation>一键报警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="227"/>
        <source>heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="228"/>
        <location filename="../../widgets/texts.py" line="229"/>
        <source>position fix</source>
        <translation>定位</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="230"/>
        <source>flagged position fix</source>
        <translation>异常定位（已标记）</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="232"/>
        <source>fall detected</source>
        <translation>跌倒检测</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="233"/>
        <source>throwing detected</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="234"/>
        <source>vehicle parked in no-parking zone</source>
        <translation>禁停区域车辆滞留</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="235"/>
        <source>renovation work</source>
        <translation>装修作业</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="236"/>
        <source>e-bike detected</source>
        <translation>电动车识别</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="257"/>
        <source>device event</source>
        <translation>设备事件</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../widgets/filter_panel.py" line="39"/>
        <source>Room usage</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="40"/>
        <source>Person tag</source>
        <translation>人员标签</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="41"/>
        <source>Device kind</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="42"/>
        <source>Protective circle</source>
        <translation>防护圈</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="43"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="44"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="47"/>
        <source>elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="48"/>
        <source>disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="49"/>
        <source>key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="50"/>
        <source>floating population</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="51"/>
        <source>minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="52"/>
        <source>watch-listed</source>
        <translation>布控人员</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="55"/>
        <source>outer circle (gates, perimeter)</source>
        <translation>外圈（出入口、周界）</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="56"/>
        <source>middle circle (inside the compound)</source>
        <translation>中圈（小区内部）</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="57"/>
        <source>inner circle (buildings)</source>
        <translation>内圈（楼栋）</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="58"/>
        <source>mobile equipment</source>
        <translation>移动设备</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="82"/>
        <source>Element filters</source>
        <translation>要素筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="105"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../widgets/filter_panel.py" line="251"/>
        <source>Showing {0} of {1} buildings, {2} of {3} devices</source>
        <translation>显示楼栋 {0}/{1}，设备 {2}/{3}</translation>
    </message>
</context>
<context>
    <name>GuardRole</name>
    <message>
        <location filename="../../widgets/texts.py" line="58"/>
        <source>police</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="59"/>
        <source>auxiliary police</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="60"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="61"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="62"/>
        <source>security guard</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="63"/>
        <source>property staff</source>
        <translation>物业人员</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../widgets/health_panel.py" line="71"/>
        <source>Device health</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="81"/>
        <source>Rate</source>
        <translation>在线率</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>Last seen</source>
        <translation>最后上报</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="93"/>
        <source>Bridge</source>
        <translation>接入通道</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="94"/>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="95"/>
        <source>Last message</source>
        <translation>最后消息</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="96"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="97"/>
        <source>Rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="98"/>
        <source>Last rejection</source>
        <translation>最近拒收原因</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="102"/>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="103"/>
        <source>Offline devices</source>
        <translation>离线设备</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="104"/>
        <source>Bridges</source>
        <translation>接入通道</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="139"/>
        <location filename="../../widgets/health_panel.py" line="145"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="140"/>
        <source>{0} ago</source>
        <translation>{0}前</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="154"/>
        <source>Devices online: {0:.1f} % ({1} of {2}); bridges: {3}</source>
        <translation>设备在线率：{0:.1f} %（{1}/{2}）；接入通道：{3}</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="183"/>
        <source>silent</source>
        <translation>静默</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="185"/>
        <location filename="../../widgets/health_panel.py" line="199"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="187"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>ImageryBasemap</name>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="127"/>
        <location filename="../../widgets/imagery_basemap.py" line="142"/>
        <source>Open imagery basemap</source>
        <translation>打开影像底图</translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="129"/>
        <source>Tile files (*.mbtiles *.gpkg);;XYZ tile folder: choose any tile ({0})</source>
        <translation>瓦片文件 (*.mbtiles *.gpkg);;XYZ 瓦片目录：任选其中一张瓦片 ({0})</translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="139"/>
        <source>WGS-84 / CGCS2000 (e.g. Tianditu)</source>
        <translation>WGS-84 / CGCS2000（如天地图）</translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="139"/>
        <source>GCJ-02 (e.g. Amap, Tencent)</source>
        <translation>GCJ-02（如高德、腾讯地图）</translation>
    </message>
    <message>
        <location filename="../../widgets/imagery_basemap.py" line="143"/>
        <source>Coordinate system of the tiles:</source>
        <translation>瓦片坐标系：</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../widgets/importer.py" line="91"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="92"/>
        <source>Import package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="112"/>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="113"/>
        <source>Checking every row…</source>
        <translation>正在逐行校验…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="114"/>
        <source>Building the district…</source>
        <translation>正在生成辖区…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="115"/>
        <source>Saving to the database…</source>
        <translation>正在写入数据库…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="123"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/importer.py" line="124"/>
        <source>The package was not imported: %n problem(s) found.</source>
        <translation>
            <numerusform>数据包未导入：发现 %n 个问题。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportThread</name>
    <message>
        <location filename="../../widgets/importer.py" line="63"/>
        <source>… and {0} more problem(s) not listed</source>
        <translation>……另有 {0} 个问题未列出</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="68"/>
        <source>The import stopped on an unexpected error: {0}</source>
        <translation>导入因意外错误中止：{0}</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="104"/>
        <source>New incident</source>
        <translation>新建警情</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="114"/>
        <source>Standard address, e.g. building, entrance, room</source>
        <translation>标准地址，如楼栋、单元、门牌</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="117"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="115"/>
        <source>no map point</source>
        <translation>未在地图上选点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="121"/>
        <source>Caller&apos;s phone (stored masked)</source>
        <translation>报警人电话（脱敏保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="124"/>
        <source>What was reported</source>
        <translation>报警内容</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="134"/>
        <source>Type:</source>
        <translation>警情类别：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="135"/>
        <source>Subtype:</source>
        <translation>警情细类：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="136"/>
        <source>Address:</source>
        <translation>发生地址：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="137"/>
        <source>Map point:</source>
        <translation>地图位置：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="138"/>
        <source>Caller:</source>
        <translation>报警人：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="139"/>
        <source>Summary:</source>
        <translation>简要警情：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="175"/>
        <source>Give an address or pick a point on the map, and a valid phone.</source>
        <translation>请填写地址或在地图上选点，并填写有效的电话号码。</translation>
    </message>
</context>
<context>
    <name>IncidentType</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="43"/>
        <source>criminal</source>
        <translation>刑事</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="44"/>
        <source>public order</source>
        <translation>治安</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="45"/>
        <source>dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="46"/>
        <source>help request</source>
        <translation>求助</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="47"/>
        <source>fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="48"/>
        <source>traffic</source>
        <translation>交通</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="49"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="52"/>
        <source>theft</source>
        <translation>盗窃</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="53"/>
        <source>robbery or snatching</source>
        <translation>抢劫抢夺</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="54"/>
        <source>fraud</source>
        <translation>诈骗</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="55"/>
        <source>assault</source>
        <translation>故意伤害</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="56"/>
        <source>other criminal</source>
        <translation>其他刑事</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="57"/>
        <source>fight</source>
        <translation>打架斗殴</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="58"/>
        <source>disturbing order</source>
        <translation>扰乱秩序</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="59"/>
        <source>noise nuisance</source>
        <translation>噪音扰民</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="60"/>
        <source>gambling</source>
        <translation>赌博</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="61"/>
        <source>other public order</source>
        <translation>其他治安</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="62"/>
        <source>neighbour dispute</source>
        <translation>邻里纠纷</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="63"/>
        <source>family dispute</source>
        <translation>家庭纠纷</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="64"/>
        <source>property management dispute</source>
        <translation>物业纠纷</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="65"/>
        <source>consumer dispute</source>
        <translation>消费纠纷</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="66"/>
        <source>other dispute</source>
        <translation>其他纠纷</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="67"/>
        <source>missing person</source>
        <translation>走失</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="68"/>
        <source>locked out</source>
        <translation>求助开锁</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="69"/>
        <source>sudden illness</source>
        <translation>突发疾病</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="70"/>
        <source>elderly person needs help</source>
        <translation>老人求助</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="71"/>
        <source>other help request</source>
        <translation>其他求助</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="72"/>
        <source>building fire</source>
        <translation>建筑火灾</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="73"/>
        <source>e-bike fire</source>
        <translation>电动车起火</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="74"/>
        <source>smoke or burning smell</source>
        <translation>冒烟异味</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="75"/>
        <source>other fire</source>
        <translation>其他火情</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="76"/>
        <source>traffic accident</source>
        <translation>交通事故</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="77"/>
        <source>road blocked by parking</source>
        <translation>占道停车</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="78"/>
        <source>other traffic</source>
        <translation>其他交通</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="79"/>
        <source>other incident</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="72"/>
        <source>Incidents</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Type</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Place</source>
        <translation>发生地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Reported</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="85"/>
        <source>Source</source>
        <translation>警情来源</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="95"/>
        <location filename="../../widgets/incidents_panel.py" line="171"/>
        <source>Select an incident to see its response plan.</source>
        <translation>选择一条警情，查看其处置预案。</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="99"/>
        <source>Close incident…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="114"/>
        <source>110 hand-off</source>
        <translation>110移交</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="115"/>
        <source>walk-in or call</source>
        <translation>来所/来电报警</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="116"/>
        <source>from an alert</source>
        <translation>预警转警情</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="124"/>
        <source>Plan: send {0}</source>
        <translation>预案：派出 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="125"/>
        <source>Accept within {0} s, on scene within {1} s</source>
        <translation>{0} 秒内签收，{1} 秒内到场</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="130"/>
        <source>Call: {0}</source>
        <translation>联动：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="193"/>
        <source>Close incident</source>
        <translation>警情办结</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="193"/>
        <source>Outcome:</source>
        <translation>处置结果：</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents_panel.py" line="231"/>
        <source>Incident: {0} · {1}</source>
        <translation>警情：{0} · {1}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../widgets/legend.py" line="51"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="52"/>
        <source>Dispatch routes</source>
        <translation>派警路线</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="53"/>
        <source>Guards</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="54"/>
        <source>Devices</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="55"/>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="56"/>
        <source>Risk heat</source>
        <translation>风险热力</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="57"/>
        <source>Coverage gaps</source>
        <translation>覆盖盲区</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="58"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="59"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="60"/>
        <source>Water &amp; green</source>
        <translation>水域绿地</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="61"/>
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="69"/>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="70"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="71"/>
        <source>on the way</source>
        <translation>赶赴中</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="72"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="74"/>
        <source>flagged</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="77"/>
        <source>incident</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="80"/>
        <source>trail</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="86"/>
        <source>gate</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="87"/>
        <source>risk 0–100</source>
        <translation>风险 0–100</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="88"/>
        <source>beyond reach</source>
        <translation>超出可达范围</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="90"/>
        <source>elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="93"/>
        <source>has a group rental</source>
        <translation>有群租房</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
        <source>main road</source>
        <translation>主干道</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
        <source>street</source>
        <translation>支路/小区道路</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="96"/>
        <source>footway</source>
        <translation>人行道</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="97"/>
        <source>water</source>
        <translation>水域</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="97"/>
        <source>green space</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="99"/>
        <source>compound</source>
        <translation>小区</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../widgets/live_controller.py" line="94"/>
        <source>Live feed: starting…</source>
        <translation>实时数据：正在启动…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="94"/>
        <source>Offline view</source>
        <translation>离线查看</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="167"/>
        <source>Events: {0} ({1}/s)</source>
        <translation>事件：{0}（{1} 条/秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="173"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="173"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="175"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation>{0}：{1}，已接收 {2}，已拒收 {3}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="194"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation>实时数据已停止：已导入新辖区，请重新启动以接入新辖区的实时数据。</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="211"/>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="215"/>
        <source>Live feed failed: {0}</source>
        <translation>实时数据出错：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="250"/>
        <location filename="../../widgets/live_controller.py" line="339"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation>实时数据已停止，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="254"/>
        <location filename="../../widgets/live_controller.py" line="343"/>
        <source>Not changed: {0}</source>
        <translation>未更改：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="258"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="277"/>
        <source>No recommendation: {0}</source>
        <translation>无法推荐：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="298"/>
        <source>Sent: {0}</source>
        <translation>已派遣：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="301"/>
        <source>{0} is already on order {1} ({2})</source>
        <translation>{0} 已在执行指令 {1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="318"/>
        <source>Order {0} cancelled</source>
        <translation>指令 {0} 已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="334"/>
        <source>Order {0}: {1}</source>
        <translation>指令 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="34"/>
        <source>Digital Sandbox: log in</source>
        <translation>数字沙盘：登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="35"/>
        <source>Wall screen: log in with a wall-display account.</source>
        <translation>大屏模式：请使用大屏展示账号登录。</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="46"/>
        <source>only if your account has one</source>
        <translation>仅在账号已开通时填写</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="49"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="50"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="51"/>
        <source>One-time code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="59"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="75"/>
        <source>This account is locked after repeated failures; try again later.</source>
        <translation>多次登录失败，账号已锁定，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="78"/>
        <source>Wrong user name, password or code.</source>
        <translation>用户名、密码或验证码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="198"/>
        <source>3D sandbox: needs an OpenGL display</source>
        <translation>三维沙盘：需要 OpenGL 显示环境</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="358"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="387"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="388"/>
        <source>Guards</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="389"/>
        <source>Devices</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="390"/>
        <source>Camera views</source>
        <translation>摄像机视域</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="391"/>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="392"/>
        <source>Risk heat</source>
        <translation>风险热力</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="393"/>
        <source>Dispatch routes</source>
        <translation>派警路线</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="394"/>
        <source>Coverage gaps</source>
        <translation>覆盖盲区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="395"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="396"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="397"/>
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="398"/>
        <source>Water &amp; green</source>
        <translation>水域绿地</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="399"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="404"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="405"/>
        <source>Import package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="409"/>
        <source>New incident…</source>
        <translation>新建警情…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="414"/>
        <source>Open imagery basemap…</source>
        <translation>打开影像底图…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="418"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="422"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="423"/>
        <source>Fit map to district</source>
        <translation>缩放至全辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="426"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="335"/>
        <source>Reset 3D view</source>
        <translation>重置三维视角</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="173"/>
        <source>Imagery basemap {0} cannot be read</source>
        <translation>影像底图 {0} 无法读取</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="437"/>
        <source>Choose a district package folder</source>
        <translation>选择辖区数据包文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="509"/>
        <location filename="../../widgets/main_window.py" line="570"/>
        <source>Open alerts: {0}</source>
        <translation>未处置预警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="511"/>
        <source>Digital Sandbox</source>
        <translation>数字沙盘</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="519"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation>{0}：楼栋 {1} 栋，房屋 {2} 间，设备 {3} 台，已定位巡防力量 {4}/{5} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="520"/>
        <source>no district loaded</source>
        <translation>未加载辖区</translation>
    </message>
</context>
<context>
    <name>MapTips</name>
    <message>
        <location filename="../../widgets/map_tips.py" line="52"/>
        <source>Guard {0} · {1} · fix {2}</source>
        <translation>巡防人员 {0} · {1} · 定位 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="59"/>
        <source>Building {0} · {1}</source>
        <translation>楼栋 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="62"/>
        <source>{0} of {1} rooms rented</source>
        <translation>出租 {0}/{1} 间</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="68"/>
        <source>Device {0} · {1} · {2}</source>
        <translation>设备 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="76"/>
        <source>Alert {0} · {1} · {2}</source>
        <translation>预警 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="80"/>
        <source>Gate {0}</source>
        <translation>出入口 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="82"/>
        <source>Compound {0}</source>
        <translation>小区 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="88"/>
        <source>time unknown</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="91"/>
        <source>{0} s ago</source>
        <translation>{0} 秒前</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="93"/>
        <source>{0} min ago</source>
        <translation>{0} 分钟前</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="94"/>
        <source>{0} h ago</source>
        <translation>{0} 小时前</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="100"/>
        <source>no rooms registered</source>
        <translation>无登记房屋</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="103"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="103"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="103"/>
        <source>flagged</source>
        <translation>存疑</translation>
    </message>
</context>
<context>
    <name>OrgType</name>
    <message>
        <location filename="../../widgets/texts.py" line="77"/>
        <source>shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="78"/>
        <source>restaurant</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="79"/>
        <source>school</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="80"/>
        <source>university</source>
        <translation>高校</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="81"/>
        <source>kindergarten</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="82"/>
        <source>company</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="83"/>
        <source>clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="84"/>
        <source>hotel</source>
        <translation>旅馆</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="85"/>
        <source>government office</source>
        <translation>机关单位</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="86"/>
        <source>other organisation</source>
        <translation>其他单位</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <location filename="../../widgets/texts.py" line="91"/>
        <source>in a room</source>
        <translation>室内</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="92"/>
        <source>on a building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="93"/>
        <source>at a gate</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="94"/>
        <source>at a point</source>
        <translation>点位</translation>
    </message>
</context>
<context>
    <name>RealScene</name>
    <message>
        <location filename="../../widgets/real_scene.py" line="33"/>
        <source>Open real-scene 3D model…</source>
        <translation>打开实景三维模型…</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="34"/>
        <source>Show a 3D Tiles tileset (tileset.json) in the 3D sandbox</source>
        <translation>在三维沙盘中显示 3D Tiles 实景三维模型（tileset.json）</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="37"/>
        <source>Real-scene model</source>
        <translation>实景三维模型</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="42"/>
        <source>Building blocks</source>
        <translation>建筑体块</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="92"/>
        <source>Cannot open the real-scene model {0}</source>
        <translation>无法打开实景三维模型 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="97"/>
        <source>Real-scene model {0} shown at the district&apos;s centre (it has no geographic position)</source>
        <translation>实景三维模型 {0} 无地理坐标，已放在辖区中心</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="100"/>
        <source>Real-scene model {0} shown</source>
        <translation>已显示实景三维模型 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="107"/>
        <source>Open real-scene 3D model</source>
        <translation>打开实景三维模型</translation>
    </message>
    <message>
        <location filename="../../widgets/real_scene.py" line="109"/>
        <source>3D Tiles tileset (*.json)</source>
        <translation>3D Tiles 实景三维模型 (*.json)</translation>
    </message>
</context>
<context>
    <name>ReplayController</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="255"/>
        <location filename="../../widgets/replay_controller.py" line="282"/>
        <location filename="../../widgets/replay_controller.py" line="367"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="281"/>
        <source>&amp;Replay</source>
        <translation>回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="285"/>
        <source>Case file of the selected alert…</source>
        <translation>所选预警的事件档案…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="288"/>
        <source>Export video of the range…</source>
        <translation>导出所选时段视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="325"/>
        <source>Nothing to replay: no database yet.</source>
        <translation>无可回放内容：尚无数据库。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="330"/>
        <source>Nothing to replay: the event log is empty.</source>
        <translation>无可回放内容：事件日志为空。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="350"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="537"/>
        <source>Replay failed: {0}</source>
        <translation>回放失败：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="637"/>
        <source>Select an alert first.</source>
        <translation>请先选择一条预警。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="645"/>
        <source>No case file: {0}</source>
        <translation>未生成事件档案：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="692"/>
        <source>{0} · recording {1} – {2}</source>
        <translation>{0} · 录像回放 {1} – {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="731"/>
        <source>Your role may not export.</source>
        <translation>您的角色无导出权限。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="733"/>
        <source>Not exported: the audit log cannot be written.</source>
        <translation>未导出：审计日志无法写入。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="756"/>
        <source>Word export needs python-docx.</source>
        <translation>导出 Word 需要安装 python-docx。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="764"/>
        <source>Exported to {0}</source>
        <translation>已导出至 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="784"/>
        <source>Export video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="784"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="811"/>
        <source>Exporting video…</source>
        <translation>正在导出视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="811"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="821"/>
        <source>Exporting video: frame {0} of {1}</source>
        <translation>正在导出视频：第 {0} 帧，共 {1} 帧</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="844"/>
        <source>Video not exported: {0}</source>
        <translation>视频未导出：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="846"/>
        <source>Video exported: {0} frames to {1}</source>
        <translation>视频已导出：共 {0} 帧，保存至 {1}</translation>
    </message>
</context>
<context>
    <name>ReplayFrame</name>
    <message>
        <location filename="../../widgets/mode.py" line="97"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../widgets/mode.py" line="99"/>
        <source>Replay · {0}</source>
        <translation>回放 · {0}</translation>
    </message>
</context>
<context>
    <name>ResponseSheet</name>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="29"/>
        <source>to acknowledge (s)</source>
        <translation>签收用时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="30"/>
        <source>to order (s)</source>
        <translation>派警用时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="31"/>
        <source>to accept (s)</source>
        <translation>接单用时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="32"/>
        <source>to arrive (s)</source>
        <translation>到场用时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="33"/>
        <source>to close (s)</source>
        <translation>办结用时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="44"/>
        <source>Raised</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="45"/>
        <source>Incident</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="46"/>
        <location filename="../../widgets/export_xlsx.py" line="80"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="47"/>
        <source>Guard who went</source>
        <translation>处警人员</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="48"/>
        <source>Recorded ETA (s)</source>
        <translation>派警时预计到达（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="49"/>
        <source>Nearest at the time</source>
        <translation>当时最近警力</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="50"/>
        <source>Nearest ETA (s)</source>
        <translation>最近警力预计到达（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="67"/>
        <source>Incidents</source>
        <translation>逐起警情</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="73"/>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="74"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="79"/>
        <source>By compound</source>
        <translation>按小区</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="85"/>
        <source>By role</source>
        <translation>按身份</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="86"/>
        <source>Role</source>
        <translation>处警人员身份</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="91"/>
        <source>Alerts</source>
        <translation>警情数</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="94"/>
        <source>{0}: count</source>
        <translation>{0}：起数</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="95"/>
        <source>{0}: mean</source>
        <translation>{0}：平均</translation>
    </message>
    <message>
        <location filename="../../widgets/export_xlsx.py" line="96"/>
        <source>{0}: median</source>
        <translation>{0}：中位数</translation>
    </message>
</context>
<context>
    <name>RoomUsage</name>
    <message>
        <location filename="../../widgets/texts.py" line="67"/>
        <source>owner-occupied</source>
        <translation>自住</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="68"/>
        <source>rental</source>
        <translation>出租</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="69"/>
        <source>group rental</source>
        <translation>群租</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="70"/>
        <source>vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="71"/>
        <source>shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="72"/>
        <source>office</source>
        <translation>办公</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../widgets/roster.py" line="44"/>
        <source>Guards</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="58"/>
        <source>Guard</source>
        <translation>巡防人员</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="59"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="60"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="61"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="62"/>
        <source>Fix age</source>
        <translation>定位距今</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="63"/>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="64"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="112"/>
        <source>patrolling</source>
        <translation>巡逻中</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="113"/>
        <source>dispatched</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="114"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="115"/>
        <source>stale</source>
        <translation>位置过时</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="156"/>
        <source>off duty</source>
        <translation>休班</translation>
    </message>
</context>
<context>
    <name>Sandbox3D</name>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="180"/>
        <source>Overview</source>
        <translation>全景</translation>
    </message>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="181"/>
        <source>Fly back to the whole district</source>
        <translation>回到全景（整个辖区）</translation>
    </message>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="283"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../widgets/sandbox3d.py" line="283"/>
        <source>{metres} m</source>
        <translation>{metres} 米</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../widgets/search_box.py" line="39"/>
        <source>Search</source>
        <translation>综合查询</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="45"/>
        <source>Name, ID number, phone, address, device, alert</source>
        <translation>姓名、身份证号、手机号、地址、设备、警情</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="70"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="71"/>
        <source>Room</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="72"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="73"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="74"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="75"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="76"/>
        <source>Guard</source>
        <translation>巡防人员</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="77"/>
        <source>Gate</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="78"/>
        <source>Alert</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="92"/>
        <source>Not searched: the audit log cannot be written.</source>
        <translation>未查询：审计日志无法写入。</translation>
    </message>
    <message>
        <location filename="../../widgets/search_box.py" line="101"/>
        <source>No match</source>
        <translation>无匹配结果</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../widgets/texts.py" line="50"/>
        <source>notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="51"/>
        <source>low</source>
        <translation>四级</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="52"/>
        <source>medium</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="53"/>
        <source>high</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="54"/>
        <source>critical</source>
        <translation>一级</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../widgets/start_page.py" line="39"/>
        <source>No district loaded yet</source>
        <translation>尚未加载辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="47"/>
        <source>This station&apos;s database holds no district. Import the district package prepared for your area (buildings, rooms, residents, devices, guards), or open the demo district to look around.</source>
        <translation>本站数据库中还没有辖区数据。请导入为本辖区准备的数据包（楼栋、房屋、实有人口、感知设备、巡防力量），或先打开演示辖区熟悉系统。</translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="57"/>
        <source>Import a district package…</source>
        <translation>导入辖区数据包…</translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="60"/>
        <source>Open the demo district</source>
        <translation>打开演示辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/start_page.py" line="66"/>
        <source>No demo package at {0}</source>
        <translation>{0} 处没有演示数据包</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../widgets/startup.py" line="29"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="30"/>
        <source>The database {0} does not exist.
Create it and load the district from {1}?</source>
        <translation>数据库 {0} 不存在。
是否新建该数据库，并从 {1} 导入辖区数据？</translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="59"/>
        <source>District time: —</source>
        <translation>辖区时间：—</translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="64"/>
        <source>District time: {0}</source>
        <translation>辖区时间：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="69"/>
        <source>No login</source>
        <translation>未启用登录</translation>
    </message>
    <message>
        <location filename="../../widgets/startup.py" line="73"/>
        <source>This station has no users yet, so nobody logs in and personal data stays masked. An administrator adds users with: sandbox-app user add</source>
        <translation>本站尚未设置用户，无需登录，个人信息保持脱敏显示。管理员可用命令 sandbox-app user add 添加用户。</translation>
    </message>
</context>
<context>
    <name>StationFigures</name>
    <message>
        <location filename="../../widgets/station_figures.py" line="56"/>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="57"/>
        <source>this week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="58"/>
        <source>this month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="59"/>
        <source>this year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="65"/>
        <source>plates</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="66"/>
        <source>faces</source>
        <translation>人脸</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="67"/>
        <source>e-bike tags</source>
        <translation>电动车标签</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="68"/>
        <source>visitors</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="69"/>
        <source>throwing</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="70"/>
        <source>road occupations</source>
        <translation>占道</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="76"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="86"/>
        <source>{0:.1f} min</source>
        <translation>{0:.1f} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="98"/>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="99"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="100"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="101"/>
        <source>Baseline from</source>
        <translation>对比期起</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="102"/>
        <source>Baseline to</source>
        <translation>对比期止</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="108"/>
        <source>all</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="116"/>
        <source>to accept</source>
        <translation>签收用时</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="117"/>
        <source>to arrive</source>
        <translation>到场用时</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="118"/>
        <source>to close</source>
        <translation>办结用时</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="124"/>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="126"/>
        <location filename="../../widgets/station_figures.py" line="203"/>
        <source>Alerts</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="128"/>
        <location filename="../../widgets/station_figures.py" line="154"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="129"/>
        <location filename="../../widgets/station_figures.py" line="139"/>
        <location filename="../../widgets/station_figures.py" line="155"/>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="130"/>
        <location filename="../../widgets/station_figures.py" line="204"/>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Baseline</source>
        <translation>对比期</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="131"/>
        <location filename="../../widgets/station_figures.py" line="205"/>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Change</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="136"/>
        <source>Outcomes</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="138"/>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="144"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="146"/>
        <source>Phase</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="147"/>
        <source>Median (s)</source>
        <translation>中位数（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="152"/>
        <source>Passes</source>
        <translation>通行</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="160"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="162"/>
        <location filename="../../widgets/station_figures.py" line="210"/>
        <source>Registered</source>
        <translation>实有人口</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="163"/>
        <location filename="../../widgets/station_figures.py" line="211"/>
        <source>Floating</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="164"/>
        <location filename="../../widgets/station_figures.py" line="212"/>
        <source>Elderly alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="165"/>
        <location filename="../../widgets/station_figures.py" line="213"/>
        <source>Rental rooms</source>
        <translation>出租房</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="166"/>
        <location filename="../../widgets/station_figures.py" line="214"/>
        <source>Group rentals</source>
        <translation>群租房</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="171"/>
        <location filename="../../widgets/station_figures.py" line="202"/>
        <source>Compounds without a case</source>
        <translation>零发案小区</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="172"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="182"/>
        <source>not in any compound</source>
        <translation>未归属小区</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="183"/>
        <source>(not given)</source>
        <translation>未标明</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="191"/>
        <source>By street</source>
        <translation>按街道汇总</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="192"/>
        <source>By county</source>
        <translation>按区县汇总</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="197"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="199"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="201"/>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="206"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="207"/>
        <source>Accept, median (s)</source>
        <translation>签收用时中位数（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="208"/>
        <source>Arrive, median (s)</source>
        <translation>到场用时中位数（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="280"/>
        <source>Export XLSX…</source>
        <translation>导出月报表…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="290"/>
        <source>Alert kind</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="339"/>
        <source>The figures could not be read: {0}</source>
        <translation>统计数据读取失败：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="346"/>
        <source>{0} up to {1}: {2} alerts, {3} against the same stretch before</source>
        <translation>{0}（截至 {1}）：警情 {2} 起，较上期同时段 {3}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="362"/>
        <source>Compounds without a case: {0} of {1}</source>
        <translation>零发案小区：{0}/{1} 个</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="363"/>
        <source>Outcomes: {0}</source>
        <translation>处置结果：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="364"/>
        <source>Response, median: accept {0}, arrive {1}, close {2}</source>
        <translation>响应时间中位数：签收 {0}，到场 {1}，办结 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="367"/>
        <source>Passes: {0}</source>
        <translation>通行：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="368"/>
        <source>Population: {0} registered, {1} floating, {2} elderly alone</source>
        <translation>人口：实有 {0}，流动 {1}，独居老人 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="371"/>
        <source>Rentals: {0} rooms, {1} group rentals</source>
        <translation>出租房：{0} 间，群租 {1} 间</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="386"/>
        <source>By street and county: {0} streets in {1} counties (in the export)</source>
        <translation>分街道、区县汇总：{1} 个区县、{0} 个街道（见导出报表）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_figures.py" line="399"/>
        <source>Export figures</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="664"/>
        <source>Station figures</source>
        <translation>治理成效</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/timeline.py" line="251"/>
        <location filename="../../widgets/timeline.py" line="487"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="253"/>
        <source>◀ Step</source>
        <translation>◀ 单步</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="254"/>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="255"/>
        <source>◀ Alert</source>
        <translation>◀ 上一预警</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="256"/>
        <source>Alert ▶</source>
        <translation>下一预警 ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="260"/>
        <source>{0}×</source>
        <translation>{0}×</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="268"/>
        <source>Go to: 2024-05-01 14:30</source>
        <translation>跳转：2024-05-01 14:30</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="269"/>
        <source>Date and time, or a time on the day shown; Enter jumps there</source>
        <translation>输入日期时间，或当天的时间；回车跳转</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="281"/>
        <location filename="../../widgets/timeline.py" line="507"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="389"/>
        <source>Not a moment in the stored history: {0}</source>
        <translation>不在已存历史范围内的时间：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="425"/>
        <source>alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="427"/>
        <source>At alert: {0}, {1}</source>
        <translation>当前预警：{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="436"/>
        <source>Live ({0})</source>
        <translation>实时（{0}）</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="480"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="38"/>
        <source>Click: go to that moment; drag the cursor: scrub</source>
        <translation>单击：跳到该时刻；拖动游标：拖拽回放</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="39"/>
        <source>Drag elsewhere: pan; mouse wheel: zoom around the pointer</source>
        <translation>拖动空白处：平移；滚轮：以鼠标处为中心缩放</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="40"/>
        <source>Shift+drag: zoom to a range; double click: whole history</source>
        <translation>Shift+拖动：放大到所选时段；双击：显示全部历史</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="41"/>
        <source>Space: play/pause; ←/→: step; PgUp/PgDn: previous/next alert</source>
        <translation>空格：播放/暂停；←/→：单步；PgUp/PgDn：上一/下一预警</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline_axis.py" line="44"/>
        <source>+/−: zoom in/out; Home: whole history; Ctrl+G: go to date/time</source>
        <translation>+/−：放大/缩小；Home：全部历史；Ctrl+G：跳转到日期时间</translation>
    </message>
</context>
<context>
    <name>TrackPanel</name>
    <message>
        <location filename="../../widgets/search_track.py" line="80"/>
        <source>Replay there</source>
        <translation>回放到该时该地</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="83"/>
        <source>Export track…</source>
        <translation>导出轨迹…</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="116"/>
        <source>Reading the last 30 days…</source>
        <translation>正在读取近30天轨迹…</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="140"/>
        <source>The passes could not be read: {0}</source>
        <translation>轨迹读取失败：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="156"/>
        <source>No passes in the last 30 days.</source>
        <translation>近30天无通行记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="160"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="161"/>
        <source>{0} passes in 30 days. Last seen {1} at {2}; cameras within {3} m: {4}</source>
        <translation>近30天通行记录 {0} 条。最后出现：{1}，{2}；周边 {3} 米内摄像机：{4}</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="165"/>
        <source>(only the first {0} shown)</source>
        <translation>（仅显示前 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../widgets/search_track.py" line="202"/>
        <source>Export track</source>
        <translation>导出轨迹</translation>
    </message>
</context>
<context>
    <name>VideoDialog</name>
    <message>
        <location filename="../../widgets/video_dialog.py" line="57"/>
        <source>Export video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="66"/>
        <source>{0}×</source>
        <translation>{0}×</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="82"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="83"/>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="84"/>
        <source>Speed</source>
        <translation>回放倍速</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="85"/>
        <source>Frame size</source>
        <translation>画面尺寸</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="123"/>
        <source>{0} to {1} at {2:g}×: a video of {3} min {4} s ({5} frames), about {6} MB</source>
        <translation>{0} 至 {1}，{2:g}× 倍速：视频时长 {3}分{4}秒（{5} 帧），约 {6} MB</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="133"/>
        <source>The end must be after the start.</source>
        <translation>结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../widgets/video_dialog.py" line="135"/>
        <source>Too long for one video: raise the speed or shorten the range.</source>
        <translation>视频过长：请提高倍速或缩短时段。</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../widgets/wall_screen.py" line="150"/>
        <source>Open alerts</source>
        <translation>未处置预警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="173"/>
        <source>On duty</source>
        <translation>在岗警力</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="174"/>
        <source>Dispatched</source>
        <translation>已派警力</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="175"/>
        <source>Online rate</source>
        <translation>设备在线率</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="176"/>
        <source>Passes today</source>
        <translation>今日通行</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="177"/>
        <source>Residents</source>
        <translation>实有人口</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="178"/>
        <source>Rental rooms</source>
        <translation>出租屋</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="179"/>
        <source>Elderly alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="180"/>
        <source>Key persons</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="192"/>
        <source>Patrol strength</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="208"/>
        <source>Overview · touring</source>
        <translation>全景 · 巡视片区</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="298"/>
        <source>Digital Sandbox · {0}</source>
        <translation>数字沙盘 · {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="307"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="308"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="309"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="310"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="311"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="312"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="313"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="315"/>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="352"/>
        <source>vs last month {0}{1:.0%}</source>
        <translation>较上月{0}{1:.0%}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="354"/>
        <source>vs last month: none</source>
        <translation>上月无预警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="355"/>
        <source>Alerts this month {0}</source>
        <translation>本月预警 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="358"/>
        <source>Compounds without a case {0} / {1}</source>
        <translation>零发案小区 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="359"/>
        <source>Quiet compounds {0} / {1}</source>
        <translation>零发案小区 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="367"/>
        <source>crit.</source>
        <translation>一级</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="368"/>
        <source>high</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="369"/>
        <source>med.</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="370"/>
        <source>low</source>
        <translation>四级</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="380"/>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="381"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="388"/>
        <source>{k:.0f}k</source>
        <translation>{wan:.1f}万</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="394"/>
        <source>Police</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="394"/>
        <source>Pol.</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="396"/>
        <source>Auxiliary police</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="397"/>
        <source>Aux. police</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="398"/>
        <source>Auxiliary</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="399"/>
        <source>Aux.</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="401"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="401"/>
        <source>Grid</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="402"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="402"/>
        <source>Vol.</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="403"/>
        <source>Security guard</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="403"/>
        <source>Security</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="403"/>
        <source>Sec.</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="404"/>
        <source>Property staff</source>
        <translation>物业人员</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="404"/>
        <source>Property</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="404"/>
        <source>Prop.</source>
        <translation>物业</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="475"/>
        <source>[{0}] alert · {1}</source>
        <translation>【{0}】预警 · {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="492"/>
        <source>Camera: {0}</source>
        <translation>联动摄像机：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="499"/>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="505"/>
        <source>Guard dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="512"/>
        <source>Nobody dispatched: {0}</source>
        <translation>未派警预警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="517"/>
        <source>[{0}] {1}</source>
        <translation>【{0}】{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="378"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="502"/>
        <source>Nobody dispatched · waiting {0}</source>
        <translation>未派警 · 已等 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="530"/>
        <source>and {0} more</source>
        <translation>另有 {0} 条</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="583"/>
        <source>Open alerts: {0}</source>
        <translation>未处置预警：{0}</translation>
    </message>
</context>
</TS>
