<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>Desktop merchant console for WeChat Pay</source>
        <translation>Desktop merchant console for WeChat Pay</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>User interface language: zh_CN or en.</translation>
    </message>
    <message>
        <source>Close the window after the given number of milliseconds.</source>
        <translation>Close the window after the given number of milliseconds.</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::MainWindow</name>
    <message>
        <source>WeChat Pay Console</source>
        <translation>WeChat Pay Console</translation>
    </message>
    <message>
        <source>Take payment, orders, refunds and UnionID panels appear here.</source>
        <translation>Take payment, orders, refunds and UnionID panels appear here.</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>Take payment</translation>
    </message>
    <message>
        <source>Sandbox — no real money</source>
        <translation>Sandbox — no real money</translation>
    </message>
</context>
</TS>
