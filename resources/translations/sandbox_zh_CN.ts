<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="63"/>
        <source>Open alerts</source>
        <translation>未处置预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="71"/>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="72"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="73"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="74"/>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="75"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="76"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="91"/>
        <source>All severities</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="94"/>
        <source>{0} and above</source>
        <translation>{0}及以上</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="99"/>
        <source>Filter by rule, subject or state</source>
        <translation>按规则、对象或状态筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="138"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="139"/>
        <source>Mark dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="140"/>
        <source>Resolve</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>Close with feedback…</source>
        <translation>反馈结案…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="142"/>
        <source>Dismiss…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="148"/>
        <source>new</source>
        <translation>新预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="150"/>
        <source>dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="152"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="153"/>
        <source>dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="162"/>
        <source>Elderly: no activity</source>
        <translation>独居老人无活动</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="163"/>
        <source>Unregistered card opened a rental room</source>
        <translation>未登记卡开启出租屋</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="164"/>
        <source>Unreported tenant</source>
        <translation>疑似未申报租客</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="165"/>
        <source>Watch-listed face</source>
        <translation>布控人员</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="166"/>
        <source>Stranger at a face gate</source>
        <translation>陌生人通行</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="167"/>
        <source>Tailgating</source>
        <translation>尾随通行</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="168"/>
        <source>Blacklisted plate</source>
        <translation>黑名单车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="169"/>
        <source>Vehicle overstay</source>
        <translation>车辆长时间滞留</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="170"/>
        <source>Perimeter breach</source>
        <translation>周界入侵</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="171"/>
        <source>Smoke alarm</source>
        <translation>烟感报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="172"/>
        <source>Gas alarm</source>
        <translation>燃气报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="173"/>
        <source>Water leak</source>
        <translation>水浸报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="174"/>
        <source>Fall detected</source>
        <translation>跌倒检测</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="175"/>
        <source>High-altitude throwing</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="176"/>
        <source>One-click alarm</source>
        <translation>一键报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="177"/>
        <source>Elderly routine deviation</source>
        <translation>独居老人作息异常</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="178"/>
        <source>Implausible GPS fix</source>
        <translation>GPS 定位异常</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="179"/>
        <source>Device offline</source>
        <translation>设备离线</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="180"/>
        <source>Dispatch order not answered</source>
        <translation>派警指令无人响应</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="285"/>
        <source>Camera snapshot: {0}</source>
        <translation>摄像机抓拍：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="296"/>
        <source>Feedback:</source>
        <translation>反馈：</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="296"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../widgets/wall.py" line="95"/>
        <source>Camera {0} · {1}</source>
        <translation>摄像机 {0} · {1}</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../widgets/wall_screen.py" line="131"/>
        <source>Open alerts</source>
        <translation>未处置预警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="152"/>
        <source>On duty</source>
        <translation>在岗警力</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="153"/>
        <source>Dispatched</source>
        <translation>已派警力</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="154"/>
        <source>Online rate</source>
        <translation>设备在线率</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="155"/>
        <source>Passes today</source>
        <translation>今日通行</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="156"/>
        <source>Residents</source>
        <translation>实有人口</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="157"/>
        <source>Rental rooms</source>
        <translation>出租屋</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="158"/>
        <source>Elderly alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="159"/>
        <source>Key persons</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="171"/>
        <source>Patrol strength</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="188"/>
        <source>Overview · touring</source>
        <translation>全景 · 巡视片区</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="254"/>
        <source>Digital Sandbox · {0}</source>
        <translation>数字沙盘 · {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="263"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="264"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="265"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="266"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="267"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="268"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="269"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="271"/>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="300"/>
        <source>{k:.0f}k</source>
        <translation>{wan:.1f}万</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="340"/>
        <source>[{0}] alert · {1}</source>
        <translation>【{0}】预警 · {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="345"/>
        <source>Camera: {0}</source>
        <translation>联动摄像机：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="352"/>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="355"/>
        <source>Nobody dispatched · waiting {0} min</source>
        <translation>未派警 · 已等 {0} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="358"/>
        <source>Guard dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="365"/>
        <source>Nobody dispatched: {0}</source>
        <translation>未派警预警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="369"/>
        <source>[{0}] {1}</source>
        <translation>【{0}】{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="370"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_screen.py" line="378"/>
        <source>and {0} more</source>
        <translation>另有 {0} 条</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../widgets/camera_view.py" line="37"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="60"/>
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_view.py" line="60"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="647"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="648"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="649"/>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="664"/>
        <source>Case file {0}</source>
        <translation>案卷 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="665"/>
        <source>{0} entries within {1:g} m</source>
        <translation>{1:g} 米范围内共 {0} 条记录</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="675"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="676"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="677"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON 文件 (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="680"/>
        <source>Export case file</source>
        <translation>导出案卷</translation>
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
        <location filename="../../widgets/export_pdf.py" line="107"/>
        <location filename="../../widgets/export_pdf.py" line="199"/>
        <source>Case file {0}</source>
        <translation>案卷 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="110"/>
        <source>District: {0}</source>
        <translation>辖区：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="111"/>
        <source>Alert: {0} on {1} {2}, severity {3}, now {4}</source>
        <translation>预警：{0}，对象 {1} {2}，等级 {3}，当前状态 {4}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="114"/>
        <source>Raised: {0}</source>
        <translation>发生时间：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="115"/>
        <source>Window: {0} to {1}; radius {2:g} m; {3} entries</source>
        <translation>时间范围：{0} 至 {1}；半径 {2:g} 米；共 {3} 条记录</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="125"/>
        <source>Acknowledged {0}, dispatched {1}, accepted {2}, arrived {3}, closed {4}</source>
        <translation>确认 {0}，派警 {1}，接单 {2}，到场 {3}，结案 {4}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="130"/>
        <source>Sent: {0} ({1}), recorded ETA {2}; nearest at the time: {3}, ETA {4}</source>
        <translation>派遣：{0}（{1}），记录的预计到达 {2}；当时最近：{3}，预计到达 {4}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="163"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="164"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="165"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/export_pdf.py" line="166"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>CityMode</name>
    <message>
        <location filename="../../widgets/app.py" line="132"/>
        <source>&amp;Replay</source>
        <translation>回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/app.py" line="134"/>
        <source>Replay needs the local store (--db); it is not available on a city database</source>
        <translation>回放需要本地数据库（--db），市级数据库暂不支持回放</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../widgets/dashboard.py" line="54"/>
        <source>Alerts per hour by kind</source>
        <translation>每小时预警（按类型）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="55"/>
        <source>alerts</source>
        <translation>预警数</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="58"/>
        <source>Response times (median, minutes)</source>
        <translation>响应时间（中位数，分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="61"/>
        <source>accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="61"/>
        <source>arrive</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="61"/>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="63"/>
        <source>Devices online (%)</source>
        <translation>设备在线率（%）</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="66"/>
        <source>Reads today</source>
        <translation>今日通行记录</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>plates</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>faces</source>
        <translation>人脸</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="69"/>
        <source>e-bike RFID</source>
        <translation>电动车 RFID</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="110"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/dashboard.py" line="128"/>
        <source>Devices online: {0:.1f} %</source>
        <translation>设备在线率：{0:.1f} %</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../widgets/session.py" line="54"/>
        <source>No users: run `sandbox-app user add` to require a login</source>
        <translation>未设置用户：运行 `sandbox-app user add` 后启用登录</translation>
    </message>
    <message>
        <location filename="../../widgets/session.py" line="72"/>
        <source>Your role may not unmask personal data.</source>
        <translation>您的角色无权查看未脱敏的个人信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/session.py" line="77"/>
        <source>Not unmasked: the audit log cannot be written.</source>
        <translation>未解除脱敏：审计日志无法写入。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../widgets/detail.py" line="45"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="55"/>
        <location filename="../../widgets/detail.py" line="106"/>
        <source>Click a building, room, device or guard.</source>
        <translation>点击楼栋、房屋、设备或巡防人员查看详情。</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="60"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="60"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="65"/>
        <location filename="../../widgets/detail.py" line="154"/>
        <source>Unmask personal data</source>
        <translation>显示完整个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="154"/>
        <source>Mask personal data</source>
        <translation>隐藏个人信息</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="174"/>
        <source>elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="175"/>
        <source>disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="176"/>
        <source>key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="177"/>
        <source>floating population</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="178"/>
        <source>minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="179"/>
        <source>watch list</source>
        <translation>布控人员</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="185"/>
        <source>owner</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="186"/>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="187"/>
        <source>family</source>
        <translation>家属</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="188"/>
        <source>employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="189"/>
        <source>visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="209"/>
        <source>{0} entrance {1}, floor {2}, room {3}</source>
        <translation>{0} {1}单元 {2}层 {3}室</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="223"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="225"/>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="229"/>
        <source>Compound {0}</source>
        <translation>小区 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="238"/>
        <source>Gate</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="240"/>
        <source>Closed hours</source>
        <translation>封闭时段</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="240"/>
        <source>always open</source>
        <translation>全天开放</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="243"/>
        <source>Gate {0}</source>
        <translation>出入口 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="254"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="222"/>
        <location filename="../../widgets/detail.py" line="239"/>
        <location filename="../../widgets/detail.py" line="255"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="256"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="257"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="224"/>
        <location filename="../../widgets/detail.py" line="258"/>
        <source>Rooms</source>
        <translation>房屋数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="264"/>
        <location filename="../../widgets/detail.py" line="281"/>
        <source>Residents</source>
        <translation>居住人数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="270"/>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="271"/>
        <source>Building {0}</source>
        <translation>楼栋 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="279"/>
        <location filename="../../widgets/detail.py" line="296"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="280"/>
        <source>Usage</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="285"/>
        <source>Room {0}</source>
        <translation>房屋 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="294"/>
        <location filename="../../widgets/detail.py" line="335"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="295"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="297"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="298"/>
        <source>Credentials</source>
        <translation>凭证数</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="300"/>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="302"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="303"/>
        <location filename="../../widgets/detail.py" line="340"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="307"/>
        <source>Person {0}</source>
        <translation>人员 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="319"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="320"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="321"/>
        <source>Placement</source>
        <translation>安装方式</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="322"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="326"/>
        <source>Last fix</source>
        <translation>最后定位</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="327"/>
        <source>Device {0}</source>
        <translation>设备 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="336"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="337"/>
        <source>Tracker</source>
        <translation>定位终端</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="343"/>
        <source>Fix age</source>
        <translation>定位时长</translation>
    </message>
    <message>
        <location filename="../../widgets/detail.py" line="344"/>
        <source>Guard {0}</source>
        <translation>巡防人员 {0}</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../widgets/texts.py" line="22"/>
        <source>face gate</source>
        <translation>人脸门禁</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="23"/>
        <source>vehicle barrier</source>
        <translation>车辆道闸</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="24"/>
        <source>capture camera</source>
        <translation>抓拍摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="25"/>
        <source>perimeter detector</source>
        <translation>周界探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="26"/>
        <source>visitor terminal</source>
        <translation>访客机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="27"/>
        <source>RFID reader</source>
        <translation>RFID 读卡器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="28"/>
        <source>alarm button</source>
        <translation>一键报警柱</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="29"/>
        <source>behaviour camera</source>
        <translation>行为分析摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="30"/>
        <source>throwing camera</source>
        <translation>高空抛物摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="31"/>
        <source>video intercom</source>
        <translation>可视对讲</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="32"/>
        <source>door controller</source>
        <translation>门禁控制器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="33"/>
        <source>camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="34"/>
        <source>smoke detector</source>
        <translation>烟感探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="35"/>
        <source>gas sensor</source>
        <translation>燃气探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="36"/>
        <source>water sensor</source>
        <translation>水浸探测器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="37"/>
        <source>door magnet</source>
        <translation>门磁</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="38"/>
        <source>smart lock</source>
        <translation>智能门锁</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="39"/>
        <source>mobile camera</source>
        <translation>移动摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="40"/>
        <source>body camera</source>
        <translation>执法记录仪</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="41"/>
        <source>radio</source>
        <translation>对讲机</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="42"/>
        <source>GPS tracker</source>
        <translation>GPS 定位器</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="43"/>
        <source>smart watch</source>
        <translation>智能手表</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="65"/>
        <source>Dispatch</source>
        <translation>调度派警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="72"/>
        <location filename="../../widgets/dispatch_panel.py" line="202"/>
        <source>Select an alert to see the nearest guards.</source>
        <translation>选择一条告警以查看最近的巡防力量。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <location filename="../../widgets/dispatch_panel.py" line="92"/>
        <source>Guard</source>
        <translation>巡防人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="77"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="81"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="82"/>
        <source>Dispatch selected</source>
        <translation>派遣所选人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="83"/>
        <source>One call</source>
        <translation>一键呼叫</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="88"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="93"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="94"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="95"/>
        <source>Issued</source>
        <translation>下达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="96"/>
        <source>Accepted</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="97"/>
        <location filename="../../widgets/dispatch_panel.py" line="105"/>
        <source>On scene</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="102"/>
        <source>Cancel order…</source>
        <translation>撤销指令…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="108"/>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="110"/>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="112"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="115"/>
        <source>The guard radioed in from the scene</source>
        <translation>队员已通过对讲报告到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="155"/>
        <source>Orders</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="177"/>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="178"/>
        <source>escalated: no answer</source>
        <translation>已升级：无人响应</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="179"/>
        <source>accepted, on the way</source>
        <translation>已接单，赶赴中</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="180"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="181"/>
        <source>handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="182"/>
        <source>feedback given</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="183"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="184"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="185"/>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="204"/>
        <source>Alert: {0}</source>
        <translation>告警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="225"/>
        <source>Last position is old</source>
        <translation>最后位置已过时</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="253"/>
        <source>No answer from: {0}</source>
        <translation>无人响应：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="297"/>
        <source>To accept {0} · to arrive {1} · to close {2}</source>
        <translation>接单 {0} · 到场 {1} · 结案 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="318"/>
        <source>Cancel order</source>
        <translation>撤销指令</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="318"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="332"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="332"/>
        <source>What was done:</source>
        <translation>处置情况：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="344"/>
        <source>Photo (optional)</source>
        <translation>现场照片（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="344"/>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>GuardRole</name>
    <message>
        <location filename="../../widgets/texts.py" line="55"/>
        <source>police</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="56"/>
        <source>auxiliary police</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="57"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="58"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="59"/>
        <source>security guard</source>
        <translation>保安</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../widgets/health_panel.py" line="65"/>
        <source>Device health</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="75"/>
        <source>Rate</source>
        <translation>在线率</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="80"/>
        <source>Last seen</source>
        <translation>最后上报</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="87"/>
        <source>Bridge</source>
        <translation>接入通道</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="88"/>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="89"/>
        <source>Last message</source>
        <translation>最后消息</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="90"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="91"/>
        <source>Rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="92"/>
        <source>Last rejection</source>
        <translation>最近拒收原因</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="96"/>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="97"/>
        <source>Offline devices</source>
        <translation>离线设备</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="98"/>
        <source>Bridges</source>
        <translation>接入通道</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="133"/>
        <location filename="../../widgets/health_panel.py" line="139"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="134"/>
        <source>{0} ago</source>
        <translation>{0}前</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="148"/>
        <source>Devices online: {0:.1f} % ({1} of {2}); bridges: {3}</source>
        <translation>设备在线率：{0:.1f} %（{1}/{2}）；接入通道：{3}</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="180"/>
        <source>silent</source>
        <translation>静默</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="182"/>
        <location filename="../../widgets/health_panel.py" line="200"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="184"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../widgets/importer.py" line="76"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="77"/>
        <source>Import package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="97"/>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="98"/>
        <source>Checking every row…</source>
        <translation>正在逐行校验…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="99"/>
        <source>Building the district…</source>
        <translation>正在生成辖区…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="100"/>
        <source>Saving to the database…</source>
        <translation>正在写入数据库…</translation>
    </message>
    <message>
        <location filename="../../widgets/importer.py" line="108"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/importer.py" line="109"/>
        <source>The package was not imported: %n problem(s) found.</source>
        <translation>
            <numerusform>数据包未导入：发现 %n 个问题。</numerusform>
        </translation>
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
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="68"/>
        <source>issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="69"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="70"/>
        <source>on the way</source>
        <translation>赶赴中</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="71"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="73"/>
        <source>flagged</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="76"/>
        <source>incident</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="79"/>
        <source>trail</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="85"/>
        <source>gate</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="86"/>
        <source>risk 0–100</source>
        <translation>风险 0–100</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="87"/>
        <source>beyond reach</source>
        <translation>超出可达范围</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="89"/>
        <source>elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="90"/>
        <source>key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>main road</source>
        <translation>主干道</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="91"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="93"/>
        <source>footway</source>
        <translation>人行道</translation>
    </message>
    <message>
        <location filename="../../widgets/legend.py" line="94"/>
        <source>compound</source>
        <translation>小区</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../widgets/live_controller.py" line="59"/>
        <source>Live feed: starting…</source>
        <translation>实时数据：正在启动…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="127"/>
        <source>Events: {0} ({1}/s)</source>
        <translation>事件：{0}（{1} 条/秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="133"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="133"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="135"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation>{0}：{1}，已接收 {2}，已拒收 {3}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="147"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation>实时数据已停止：已导入新辖区，请重新启动以接入新辖区的实时数据。</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="152"/>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="156"/>
        <source>Live feed failed: {0}</source>
        <translation>实时数据出错：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="166"/>
        <location filename="../../widgets/live_controller.py" line="245"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation>实时数据已停止，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="170"/>
        <location filename="../../widgets/live_controller.py" line="249"/>
        <source>Not changed: {0}</source>
        <translation>未更改：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="174"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="191"/>
        <source>No recommendation: {0}</source>
        <translation>无法推荐：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="208"/>
        <source>Sent: {0}</source>
        <translation>已派遣：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="211"/>
        <source>{0} is already on order {1} ({2})</source>
        <translation>{0} 已在执行指令 {1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="226"/>
        <source>Order {0} cancelled</source>
        <translation>指令 {0} 已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="240"/>
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
        <location filename="../../widgets/main_window.py" line="143"/>
        <source>3D sandbox: needs an OpenGL display</source>
        <translation>三维沙盘：需要 OpenGL 显示环境</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="190"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="234"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="235"/>
        <source>Guards</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="236"/>
        <source>Devices</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="237"/>
        <source>Camera views</source>
        <translation>摄像机视域</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="239"/>
        <source>Risk heat</source>
        <translation>风险热力</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="240"/>
        <source>Dispatch routes</source>
        <translation>派警路线</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="241"/>
        <source>Coverage gaps</source>
        <translation>覆盖盲区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="242"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="244"/>
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="249"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="250"/>
        <source>Import package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="255"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="259"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="260"/>
        <source>Fit map to district</source>
        <translation>缩放至全辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="263"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="269"/>
        <source>Reset 3D view</source>
        <translation>重置三维视角</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="276"/>
        <source>Choose a district package folder</source>
        <translation>选择辖区数据包文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="334"/>
        <location filename="../../widgets/main_window.py" line="388"/>
        <source>Open alerts: {0}</source>
        <translation>未处置预警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="336"/>
        <source>Digital Sandbox</source>
        <translation>数字沙盘</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="344"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation>{0}：楼栋 {1} 栋，房屋 {2} 间，设备 {3} 台，已定位巡防力量 {4}/{5} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="345"/>
        <source>no district loaded</source>
        <translation>未加载辖区</translation>
    </message>
</context>
<context>
    <name>MapTips</name>
    <message>
        <location filename="../../widgets/map_tips.py" line="39"/>
        <source>Guard {0} · {1} · fix {2}</source>
        <translation>巡防人员 {0} · {1} · 定位 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="46"/>
        <source>Building {0} · {1}</source>
        <translation>楼栋 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="49"/>
        <source>Device {0} · {1} · {2}</source>
        <translation>设备 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="57"/>
        <source>Alert {0} · {1} · {2}</source>
        <translation>预警 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="61"/>
        <source>Gate {0}</source>
        <translation>出入口 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="63"/>
        <source>Compound {0}</source>
        <translation>小区 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="69"/>
        <source>time unknown</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="72"/>
        <source>{0} s ago</source>
        <translation>{0} 秒前</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="74"/>
        <source>{0} min ago</source>
        <translation>{0} 分钟前</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="75"/>
        <source>{0} h ago</source>
        <translation>{0} 小时前</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="81"/>
        <source>no rooms registered</source>
        <translation>无登记房屋</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="84"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="84"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/map_tips.py" line="84"/>
        <source>flagged</source>
        <translation>存疑</translation>
    </message>
</context>
<context>
    <name>ReplayController</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="222"/>
        <location filename="../../widgets/replay_controller.py" line="237"/>
        <location filename="../../widgets/replay_controller.py" line="316"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="236"/>
        <source>&amp;Replay</source>
        <translation>回放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="240"/>
        <source>Case file of the selected alert…</source>
        <translation>所选预警的案卷…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="243"/>
        <source>Export video of the range…</source>
        <translation>导出所选时段视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="277"/>
        <source>Nothing to replay: no database yet.</source>
        <translation>无可回放内容：尚无数据库。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="282"/>
        <source>Nothing to replay: the event log is empty.</source>
        <translation>无可回放内容：事件日志为空。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="301"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="451"/>
        <source>Replay failed: {0}</source>
        <translation>回放失败：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="511"/>
        <source>Select an alert first.</source>
        <translation>请先选择一条预警。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="519"/>
        <source>No case file: {0}</source>
        <translation>未生成案卷：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="554"/>
        <source>Your role may not export.</source>
        <translation>您的角色无导出权限。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="556"/>
        <source>Not exported: the audit log cannot be written.</source>
        <translation>未导出：审计日志无法写入。</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="577"/>
        <source>Exported to {0}</source>
        <translation>已导出至 {0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="583"/>
        <source>Export video</source>
        <translation>导出视频</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="583"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="598"/>
        <source>Exporting video…</source>
        <translation>正在导出视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="598"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="625"/>
        <source>Video not exported: {0}</source>
        <translation>视频未导出：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/replay_controller.py" line="627"/>
        <source>Video exported: {0} frames to {1}</source>
        <translation>视频已导出：共 {0} 帧，保存至 {1}</translation>
    </message>
</context>
<context>
    <name>RoomUsage</name>
    <message>
        <location filename="../../widgets/texts.py" line="63"/>
        <source>owner-occupied</source>
        <translation>自住</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="64"/>
        <source>rental</source>
        <translation>出租</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="65"/>
        <source>group rental</source>
        <translation>群租</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="66"/>
        <source>vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="67"/>
        <source>shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="68"/>
        <source>office</source>
        <translation>办公</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../widgets/roster.py" line="54"/>
        <source>Guards</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="66"/>
        <source>Guard</source>
        <translation>巡防人员</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="67"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="68"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="70"/>
        <source>Fix age</source>
        <translation>定位时长</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="71"/>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="119"/>
        <source>patrolling</source>
        <translation>巡逻中</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="120"/>
        <source>dispatched</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="121"/>
        <source>on scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/roster.py" line="122"/>
        <source>stale</source>
        <translation>位置过时</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../widgets/texts.py" line="47"/>
        <source>notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="48"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="49"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="50"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="51"/>
        <source>critical</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../widgets/timeline.py" line="149"/>
        <location filename="../../widgets/timeline.py" line="259"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="151"/>
        <source>◀ Step</source>
        <translation>◀ 单步</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="152"/>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="153"/>
        <source>◀ Alert</source>
        <translation>◀ 上一预警</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="154"/>
        <source>Alert ▶</source>
        <translation>下一预警 ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="158"/>
        <source>{0}×</source>
        <translation>{0}×</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="162"/>
        <location filename="../../widgets/timeline.py" line="279"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="215"/>
        <source>Live ({0})</source>
        <translation>实时（{0}）</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="252"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../widgets/replay_controller.py" line="472"/>
        <source>Open alerts: {0}</source>
        <translation>未处置预警：{0}</translation>
    </message>
</context>
</TS>
