<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="53"/>
        <source>Open alerts</source>
        <translation>未处置预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="61"/>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="62"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="63"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="64"/>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="65"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="66"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="67"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="103"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="104"/>
        <source>Mark dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="105"/>
        <source>Resolve</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="106"/>
        <source>Close with feedback…</source>
        <translation>反馈结案…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="107"/>
        <source>Dismiss…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="113"/>
        <source>new</source>
        <translation>新预警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="114"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="115"/>
        <source>dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="116"/>
        <source>resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="117"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="118"/>
        <source>dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="124"/>
        <source>notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="125"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="126"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="127"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="128"/>
        <source>critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="134"/>
        <source>Elderly: no activity</source>
        <translation>独居老人无活动</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="135"/>
        <source>Unregistered card opened a rental room</source>
        <translation>未登记卡开启出租屋</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="136"/>
        <source>Unreported tenant</source>
        <translation>疑似未申报租客</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="137"/>
        <source>Watch-listed face</source>
        <translation>布控人员</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="138"/>
        <source>Stranger at a face gate</source>
        <translation>陌生人通行</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="139"/>
        <source>Tailgating</source>
        <translation>尾随通行</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="140"/>
        <source>Blacklisted plate</source>
        <translation>黑名单车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="141"/>
        <source>Vehicle overstay</source>
        <translation>车辆长时间滞留</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="142"/>
        <source>Perimeter breach</source>
        <translation>周界入侵</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="143"/>
        <source>Smoke alarm</source>
        <translation>烟感报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="144"/>
        <source>Gas alarm</source>
        <translation>燃气报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="145"/>
        <source>Water leak</source>
        <translation>水浸报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="146"/>
        <source>Fall detected</source>
        <translation>跌倒检测</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="147"/>
        <source>High-altitude throwing</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="148"/>
        <source>One-click alarm</source>
        <translation>一键报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="149"/>
        <source>Elderly routine deviation</source>
        <translation>独居老人作息异常</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="150"/>
        <source>Implausible GPS fix</source>
        <translation>GPS 定位异常</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="151"/>
        <source>Device offline</source>
        <translation>设备离线</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="152"/>
        <source>Dispatch order not answered</source>
        <translation>派警指令无人响应</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="234"/>
        <source>Feedback:</source>
        <translation>反馈：</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_panel.py" line="234"/>
        <source>Reason:</source>
        <translation>理由：</translation>
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
        <location filename="../../widgets/dispatch_panel.py" line="212"/>
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
        <location filename="../../widgets/dispatch_panel.py" line="191"/>
        <source>police</source>
        <translation>民警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="192"/>
        <source>auxiliary police</source>
        <translation>辅警</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="193"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="194"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="195"/>
        <source>security guard</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="214"/>
        <source>Alert: {0}</source>
        <translation>告警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="235"/>
        <source>Last position is old</source>
        <translation>最后位置已过时</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="263"/>
        <source>No answer from: {0}</source>
        <translation>无人响应：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="307"/>
        <source>To accept {0} · to arrive {1} · to close {2}</source>
        <translation>接单 {0} · 到场 {1} · 结案 {2}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="328"/>
        <source>Cancel order</source>
        <translation>撤销指令</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="328"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="342"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="342"/>
        <source>What was done:</source>
        <translation>处置情况：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="354"/>
        <source>Photo (optional)</source>
        <translation>现场照片（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_panel.py" line="354"/>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
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
    <name>LiveController</name>
    <message>
        <location filename="../../widgets/live_controller.py" line="56"/>
        <source>Live feed: starting…</source>
        <translation>实时数据：正在启动…</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="121"/>
        <source>Events: {0} ({1}/s)</source>
        <translation>事件：{0}（{1} 条/秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="127"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="127"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="129"/>
        <source>{0}: {1}, {2} received, {3} rejected</source>
        <translation>{0}：{1}，已接收 {2}，已拒收 {3}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="141"/>
        <source>Live feed stopped: a new district was imported; restart to go live on it.</source>
        <translation>实时数据已停止：已导入新辖区，请重新启动以接入新辖区的实时数据。</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="146"/>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="150"/>
        <source>Live feed failed: {0}</source>
        <translation>实时数据出错：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="160"/>
        <location filename="../../widgets/live_controller.py" line="239"/>
        <source>The live feed has stopped; nothing was changed.</source>
        <translation>实时数据已停止，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="164"/>
        <location filename="../../widgets/live_controller.py" line="243"/>
        <source>Not changed: {0}</source>
        <translation>未更改：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="168"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="185"/>
        <source>No recommendation: {0}</source>
        <translation>无法推荐：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="202"/>
        <source>Sent: {0}</source>
        <translation>已派遣：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="205"/>
        <source>{0} is already on order {1} ({2})</source>
        <translation>{0} 已在执行指令 {1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="220"/>
        <source>Order {0} cancelled</source>
        <translation>指令 {0} 已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/live_controller.py" line="234"/>
        <source>Order {0}: {1}</source>
        <translation>指令 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="61"/>
        <source>3D sandbox: coming in a later version</source>
        <translation>三维沙盘：将在后续版本提供</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="91"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="92"/>
        <source>Guards</source>
        <translation>巡防力量</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="93"/>
        <source>Devices</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="94"/>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="95"/>
        <source>Risk heat</source>
        <translation>风险热力</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="96"/>
        <source>Dispatch routes</source>
        <translation>派警路线</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="97"/>
        <source>Coverage gaps</source>
        <translation>覆盖盲区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="98"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="99"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="100"/>
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="105"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="106"/>
        <source>Import package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="111"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="115"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="116"/>
        <source>Fit map to district</source>
        <translation>缩放至全辖区</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="122"/>
        <source>Choose a district package folder</source>
        <translation>选择辖区数据包文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="161"/>
        <location filename="../../widgets/main_window.py" line="197"/>
        <source>Open alerts: {0}</source>
        <translation>未处置预警：{0}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="163"/>
        <source>Digital Sandbox</source>
        <translation>数字沙盘</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="171"/>
        <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
        <translation>{0}：楼栋 {1} 栋，房屋 {2} 间，设备 {3} 台，已定位巡防力量 {4}/{5} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="172"/>
        <source>no district loaded</source>
        <translation>未加载辖区</translation>
    </message>
</context>
</TS>
