<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ImportController</name>
        <message>
            <location filename="../../widgets/importer.py" line="76" />
            <source>Importing {0}…</source>
            <translation>正在导入 {0}…</translation>
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="77" />
            <source>Import package</source>
            <translation>导入数据包</translation>
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="97" />
            <source>Reading files…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="98" />
            <source>Checking every row…</source>
            <translation>正在逐行校验…</translation>
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="99" />
            <source>Building the district…</source>
            <translation>正在生成辖区…</translation>
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="100" />
            <source>Saving to the database…</source>
            <translation>正在写入数据库…</translation>
        </message>
        <message>
            <location filename="../../widgets/importer.py" line="108" />
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message numerus="yes">
            <location filename="../../widgets/importer.py" line="109" />
            <source>The package was not imported: %n problem(s) found.</source>
            <translation>
                <numerusform>数据包未导入：发现 %n 个问题。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../widgets/main_window.py" line="36" />
            <source>3D sandbox: coming in a later version</source>
            <translation>三维沙盘：将在后续版本提供</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="50" />
            <source>Alerts</source>
            <translation>预警</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="51" />
            <source>Guards</source>
            <translation>巡防力量</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="52" />
            <source>Devices</source>
            <translation>感知设备</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="53" />
            <source>Gates</source>
            <translation>出入口</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="54" />
            <source>Buildings</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="55" />
            <source>Roads</source>
            <translation>道路</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="56" />
            <source>Compounds</source>
            <translation>小区</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="61" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="62" />
            <source>Import package…</source>
            <translation>导入数据包…</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="67" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="71" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="72" />
            <source>Fit map to district</source>
            <translation>缩放至全辖区</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="77" />
            <source>Choose a district package folder</source>
            <translation>选择辖区数据包文件夹</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="104" />
            <source>Digital Sandbox</source>
            <translation>数字沙盘</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="107" />
            <source>{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located</source>
            <translation>{0}：楼栋 {1} 栋，房屋 {2} 间，设备 {3} 台，已定位巡防力量 {4}/{5} 人</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" line="108" />
            <source>no district loaded</source>
            <translation>未加载辖区</translation>
        </message>
    </context>
</TS>
