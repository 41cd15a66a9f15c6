<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Desktop merchant console for WeChat Pay</source>
        <translation>微信支付商户收银台</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Close the window after the given number of milliseconds.</source>
        <translation>在指定毫秒数后关闭窗口。</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::MainWindow</name>
    <message>
        <source>WeChat Pay Console</source>
        <translation>微信支付收银台</translation>
    </message>
    <message>
        <source>Take payment, orders, refunds and UnionID panels appear here.</source>
        <translation>收款、订单、退款和 UnionID 面板将显示在这里。</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Sandbox — no real money</source>
        <translation>沙箱环境 — 不涉及真实资金</translation>
    </message>
</context>
</TS>
