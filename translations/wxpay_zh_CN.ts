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
    <message>
        <source>Render every panel at 1280x800 as PNG files into the folder, with sample data, then exit.</source>
        <translation>用示例数据把每个面板按 1280x800 渲染为 PNG 文件保存到该文件夹，然后退出。</translation>
    </message>
    <message>
        <source>Unknown language "%1": use zh_CN or en.</source>
        <translation>未知语言“%1”：请使用 zh_CN 或 en。</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::AmountEdit</name>
    <message>
        <source>Amount, e.g. 12.50</source>
        <translation>金额，如 12.50</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::AmountInput</name>
    <message>
        <source>Amount must be more than 0</source>
        <translation>金额必须大于 0</translation>
    </message>
    <message>
        <source>Whole amounts only, no decimals</source>
        <translation>只能输入整数金额，不能有小数</translation>
    </message>
    <message>
        <source>At most %1 decimal places</source>
        <translation>最多 %1 位小数</translation>
    </message>
    <message>
        <source>Amount is too large</source>
        <translation>金额太大</translation>
    </message>
    <message>
        <source>The merchant profile has no valid currency</source>
        <translation>商户配置中的币种无效</translation>
    </message>
    <message>
        <source>Enter an amount like 12.50</source>
        <translation>请输入金额，如 12.50</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::CredentialsErrors</name>
    <message>
        <source>The private key file is not a usable key: choose apiclient_key.pem.</source>
        <translation>私钥文件无法使用：请选择 apiclient_key.pem。</translation>
    </message>
    <message>
        <source>The certificate file is not a usable certificate: choose apiclient_cert.pem.</source>
        <translation>证书文件无法使用：请选择 apiclient_cert.pem。</translation>
    </message>
    <message>
        <source>The private key does not belong to this certificate: choose the two files downloaded together.</source>
        <translation>私钥与该证书不匹配：请选择同时下载的两个文件。</translation>
    </message>
    <message>
        <source>This certificate has expired: download a new one from the WeChat Pay merchant platform.</source>
        <translation>该证书已过期：请到微信支付商户平台下载新证书。</translation>
    </message>
    <message>
        <source>This certificate is not valid yet: check this computer's date and time.</source>
        <translation>该证书尚未生效：请检查电脑的日期和时间。</translation>
    </message>
    <message>
        <source>The file is not a usable .p12 certificate: choose apiclient_cert.p12.</source>
        <translation>该文件不是可用的 .p12 证书：请选择 apiclient_cert.p12。</translation>
    </message>
    <message>
        <source>Wrong password for the .p12 file (WeChat Pay's default password is the merchant ID).</source>
        <translation>.p12 文件密码错误（微信支付的默认密码是商户号）。</translation>
    </message>
    <message>
        <source>The APIv2 key must be exactly 32 letters or digits.</source>
        <translation>APIv2 密钥必须正好是 32 位字母或数字。</translation>
    </message>
    <message>
        <source>The APIv3 key must be exactly 32 characters.</source>
        <translation>APIv3 密钥必须正好是 32 个字符。</translation>
    </message>
    <message>
        <source>The AppSecret must be exactly 32 letters or digits.</source>
        <translation>AppSecret 必须正好是 32 位字母或数字。</translation>
    </message>
    <message>
        <source>The file cannot be read: check that it exists and that you may open it.</source>
        <translation>无法读取该文件：请确认文件存在且有权限打开。</translation>
    </message>
    <message>
        <source>The file is too large to be a key or certificate.</source>
        <translation>该文件太大，不是密钥或证书文件。</translation>
    </message>
    <message>
        <source>This profile is not saved: save it first, then import its keys.</source>
        <translation>此配置尚未保存：请先保存，再导入密钥。</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access: unlock it and try again.</source>
        <translation>系统钥匙串已锁定或拒绝访问：请解锁后重试。</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so keys cannot be stored.</source>
        <translation>这台电脑没有可用的系统钥匙串，无法保存密钥。</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused.</source>
        <translation>访问系统钥匙串被拒绝。</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time: try again.</source>
        <translation>系统钥匙串没有及时响应：请重试。</translation>
    </message>
    <message>
        <source>The system keychain could not delete the keys: try again.</source>
        <translation>系统钥匙串无法删除这些密钥：请重试。</translation>
    </message>
    <message>
        <source>A key in the system keychain is damaged: import it again.</source>
        <translation>系统钥匙串中的密钥已损坏：请重新导入。</translation>
    </message>
    <message>
        <source>The settings file cannot be written: check the disk and its permissions.</source>
        <translation>设置文件无法写入：请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <source>The key is too large for the system keychain.</source>
        <translation>该密钥太大，系统钥匙串无法保存。</translation>
    </message>
    <message>
        <source>The key was not found in the system keychain: import it again.</source>
        <translation>系统钥匙串中找不到该密钥：请重新导入。</translation>
    </message>
    <message>
        <source>The keys could not be stored (%1).</source>
        <translation>密钥未能保存（%1）。</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::CustomerView</name>
    <message>
        <source>Customer view</source>
        <translation>顾客屏</translation>
    </message>
    <message>
        <source>Scan with WeChat to pay</source>
        <translation>请使用微信扫码付款</translation>
    </message>
    <message>
        <source>Payment received — thank you</source>
        <translation>已收到付款，谢谢惠顾</translation>
    </message>
    <message>
        <source>This QR code can no longer be used</source>
        <translation>此二维码已失效</translation>
    </message>
    <message>
        <source>Press Esc to return to the console</source>
        <translation>按 Esc 返回收银台</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ErrorBox</name>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>Enter a description of what the customer buys.</source>
        <translation>请输入商品描述。</translation>
    </message>
    <message>
        <source>This is not a valid WeChat payment code: scan the code shown in the customer's WeChat.</source>
        <translation>这不是有效的微信付款码：请扫描顾客微信中显示的付款码。</translation>
    </message>
    <message>
        <source>This payment code was already used: ask the customer to refresh it.</source>
        <translation>此付款码已使用过：请让顾客刷新付款码。</translation>
    </message>
    <message>
        <source>The customer's payment code has expired: ask them to refresh it.</source>
        <translation>顾客的付款码已过期：请让顾客刷新付款码。</translation>
    </message>
    <message>
        <source>The customer's balance is not enough: ask them to pay with another card.</source>
        <translation>顾客余额不足：请让顾客换一张卡付款。</translation>
    </message>
    <message>
        <source>Another copy of the console or wxpay-cli is using the order history: close it, then start the console again.</source>
        <translation>另一个收银台或 wxpay-cli 正在使用订单记录：请先关闭它，然后重新启动收银台。</translation>
    </message>
    <message>
        <source>A payment is already running.</source>
        <translation>已有一笔付款正在进行。</translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached: check the network connection.</source>
        <translation>无法连接微信支付：请检查网络连接。</translation>
    </message>
    <message>
        <source>WeChat Pay answered in an unexpected way.</source>
        <translation>微信支付的答复不符合预期。</translation>
    </message>
    <message>
        <source>WeChat Pay's answer could not be verified.</source>
        <translation>无法验证微信支付的答复。</translation>
    </message>
    <message>
        <source>WeChat Pay refused: %1</source>
        <translation>微信支付拒绝：%1</translation>
    </message>
    <message>
        <source>The local payment history could not be written.</source>
        <translation>无法写入本地付款记录。</translation>
    </message>
    <message>
        <source>The merchant's keys could not be used: check the profile in Settings.</source>
        <translation>无法使用商户密钥：请在“设置”中检查商户配置。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>This cannot be sent: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation>Request-ID：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>信息：%1</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::KeyImportDialog</name>
    <message>
        <source>Private key (*.pem *.key);;All files (*)</source>
        <translation>私钥 (*.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Certificate (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PKCS#12 certificate (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 证书 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Checking and storing in the system keychain…</source>
        <translation>正在校验并保存到系统钥匙串…</translation>
    </message>
    <message>
        <source>Choose both the private key file and the certificate file.</source>
        <translation>请同时选择私钥文件和证书文件。</translation>
    </message>
    <message>
        <source>Choose the .p12 file.</source>
        <translation>请选择 .p12 文件。</translation>
    </message>
    <message>
        <source>Imported. Certificate serial %1, valid until %2.</source>
        <translation>导入成功。证书序列号 %1，有效期至 %2。</translation>
    </message>
    <message>
        <source>The APIv2 key is stored in the system keychain.</source>
        <translation>APIv2 密钥已保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>The APIv3 key is stored in the system keychain.</source>
        <translation>APIv3 密钥已保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>The AppSecret is stored in the system keychain.</source>
        <translation>AppSecret 已保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>Import keys — %1</source>
        <translation>导入密钥 — %1</translation>
    </message>
    <message>
        <source>Keys and certificates go only into this computer's system keychain. Choose what to import:</source>
        <translation>密钥和证书只保存在这台电脑的系统钥匙串中。请选择要导入的内容：</translation>
    </message>
    <message>
        <source>Merchant certificate</source>
        <translation>商户证书</translation>
    </message>
    <message>
        <source>Client certificate (.p12)</source>
        <translation>客户端证书 (.p12)</translation>
    </message>
    <message>
        <source>APIv2 key</source>
        <translation>APIv2 密钥</translation>
    </message>
    <message>
        <source>APIv3 key</source>
        <translation>APIv3 密钥</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>For APIv3: apiclient_key.pem and apiclient_cert.pem, downloaded together from the WeChat Pay merchant platform (Account centre → API security).</source>
        <translation>用于 APIv3：从微信支付商户平台（账户中心 → API 安全）一起下载的 apiclient_key.pem 和 apiclient_cert.pem。</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>For APIv2 refunds and reversals: apiclient_cert.p12 from the merchant platform.</source>
        <translation>用于 APIv2 退款和撤销订单：从商户平台下载的 apiclient_cert.p12。</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>证书文件：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Leave empty for the default (the merchant ID)</source>
        <translation>留空则使用默认密码（商户号）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>The 32-character APIv2 key set on the merchant platform (API security).</source>
        <translation>在商户平台（API 安全）设置的 32 位 APIv2 密钥。</translation>
    </message>
    <message>
        <source>The 32-character APIv3 key set on the merchant platform (API security).</source>
        <translation>在商户平台（API 安全）设置的 32 位 APIv3 密钥。</translation>
    </message>
    <message>
        <source>The mini-program's AppSecret, for looking up a payer's UnionID (32 letters or digits).</source>
        <translation>小程序的 AppSecret，用于查询付款人的 UnionID（32 位字母或数字）。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::LockScreen</name>
    <message>
        <source>Enter the manager PIN.</source>
        <translation>请输入店长密码。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
    <message>
        <source>Console locked</source>
        <translation>收银台已锁定</translation>
    </message>
    <message>
        <source>Enter the manager PIN to unlock the console.</source>
        <translation>输入店长密码以解锁收银台。</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::MainWindow</name>
    <message>
        <source>WeChat Pay Console</source>
        <translation>微信支付收银台</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Sandbox — no real money</source>
        <translation>沙箱环境 — 不涉及真实资金</translation>
    </message>
    <message>
        <source>About WeChat Pay Console</source>
        <translation>关于微信支付收银台</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;WeChat Pay Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer's UnionID, for one or several merchants.&lt;/p&gt;&lt;p&gt;Keys and certificates are kept only in this computer's system keychain. Orders are kept in a local history that works offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;微信支付收银台&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;通过二维码或付款码收取微信支付，查询订单、退款，并查询付款人的 UnionID，支持一个或多个商户。&lt;/p&gt;&lt;p&gt;密钥和证书只保存在这台电脑的系统钥匙串中。订单保存在本地历史记录中，离线也能查看。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>WeChat Pay Console — Sandbox</source>
        <translation>微信支付收银台 — 沙箱</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>UnionID</source>
        <translation>UnionID</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About WeChat Pay Console</source>
        <translation>关于微信支付收银台(&amp;A)</translation>
    </message>
    <message>
        <source>Merchant: %1 (%2)</source>
        <translation>商户：%1（%2）</translation>
    </message>
    <message>
        <source>No merchant profile: using the built-in sandbox</source>
        <translation>未配置商户：正在使用内置沙箱</translation>
    </message>
    <message>
        <source>Set a manager PIN in Settings first: only the PIN opens a locked console.</source>
        <translation>请先在“设置”中设置店长密码：锁定后只能用该密码解锁。</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished operation(s) of the last session were completed.</source>
        <translation>
            <numerusform>上次运行中未完成的 %n 项操作已处理完毕。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still need attention: look them up in Orders.</source>
        <translation>
            <numerusform>仍有 %n 项需要处理：请在“订单”中查询。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lock console</source>
        <translation>锁定收银台(&amp;L)</translation>
    </message>
    <message>
        <source>Merchant profiles</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>Manager PIN and lock</source>
        <translation>店长密码与锁定</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) not settled yet</source>
        <translation>
            <numerusform>%n 笔操作尚未确定结果</numerusform>
        </translation>
    </message>
    <message>
        <source>(checked again at %1)</source>
        <translation>（%1 再次查询）</translation>
    </message>
    <message>
        <source>Payments, refunds, closes or reverses whose outcome WeChat Pay has not confirmed yet. The console asks again by itself; look them up in Orders.</source>
        <translation>微信支付尚未确认结果的收款、退款、关单或撤销。收银台会自动再次查询；也可在“订单”中查看。</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ManagerPinBox</name>
    <message>
        <source>The manager PIN was changed.</source>
        <translation>店长密码已修改。</translation>
    </message>
    <message>
        <source>The manager PIN was set.</source>
        <translation>店长密码已设置。</translation>
    </message>
    <message>
        <source>Enter the current manager PIN to remove it. Refunds will then no longer ask for a PIN.</source>
        <translation>输入当前店长密码以删除它。删除后退款不再需要密码。</translation>
    </message>
    <message>
        <source>The PIN was not removed. %1</source>
        <translation>密码未删除。%1</translation>
    </message>
    <message>
        <source>The manager PIN was removed.</source>
        <translation>店长密码已删除。</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <source>Choose a merchant profile first.</source>
        <translation>请先选择商户配置。</translation>
    </message>
    <message>
        <source>Whether a PIN is set cannot be read. %1</source>
        <translation>无法读取是否已设置密码。%1</translation>
    </message>
    <message>
        <source>Reading the PIN settings…</source>
        <translation>正在读取密码设置…</translation>
    </message>
    <message>
        <source>A manager PIN is set: refunds ask for it, and it unlocks a locked console.</source>
        <translation>已设置店长密码：退款时需要输入，也用于解锁已锁定的收银台。</translation>
    </message>
    <message>
        <source>No manager PIN is set: anyone at this till can refund. Set one to guard refunds and to lock the console.</source>
        <translation>未设置店长密码：此收银台的任何人都可以退款。设置密码可保护退款，并可锁定收银台。</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Remove PIN…</source>
        <translation>删除密码…</translation>
    </message>
    <message>
        <source>Lock console</source>
        <translation>锁定收银台</translation>
    </message>
    <message>
        <source>Lock the console until the manager PIN is entered.</source>
        <translation>锁定收银台，输入店长密码后才能继续使用。</translation>
    </message>
    <message>
        <source>Set a manager PIN first: it is what unlocks the console.</source>
        <translation>请先设置店长密码：解锁收银台需要它。</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::OrderHistoryModel</name>
    <message>
        <source>Not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Customer paying</source>
        <translation>用户支付中</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>Accepted, awaiting payment</source>
        <translation>已接收，等待扣款</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>WeChat Pay order number</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>商品描述</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>商户配置</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::OrdersPanel</name>
    <message>
        <source>APIv2</source>
        <translation>APIv2</translation>
    </message>
    <message>
        <source>APIv3</source>
        <translation>APIv3</translation>
    </message>
    <message>
        <source>APIv3 Global (cross-border)</source>
        <translation>APIv3 境外（跨境）</translation>
    </message>
    <message>
        <source>Hong Kong wallet</source>
        <translation>香港钱包</translation>
    </message>
    <message>
        <source>QR code (customer scans)</source>
        <translation>二维码（顾客扫码）</translation>
    </message>
    <message>
        <source>Payment code (Quick Pay)</source>
        <translation>付款码（付款码支付）</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>退款处理中</translation>
    </message>
    <message>
        <source>Refund completed</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <source>Refund closed</source>
        <translation>退款关闭</translation>
    </message>
    <message>
        <source>Problem: check with WeChat Pay</source>
        <translation>退款异常：请向微信支付核实</translation>
    </message>
    <message>
        <source>Refunded to another account</source>
        <translation>已退至其他账户</translation>
    </message>
    <message>
        <source>QR code order created</source>
        <translation>已创建二维码订单</translation>
    </message>
    <message>
        <source>Payment checked</source>
        <translation>已查询支付结果</translation>
    </message>
    <message>
        <source>QR code order closed</source>
        <translation>已关闭二维码订单</translation>
    </message>
    <message>
        <source>Payment ended</source>
        <translation>支付已结束</translation>
    </message>
    <message>
        <source>Payment code sent</source>
        <translation>已提交付款码</translation>
    </message>
    <message>
        <source>Payment reversed</source>
        <translation>已撤销支付</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>已申请退款</translation>
    </message>
    <message>
        <source>Refund checked</source>
        <translation>已查询退款</translation>
    </message>
    <message>
        <source>Refund ended</source>
        <translation>退款已结束</translation>
    </message>
    <message>
        <source>Looked up at WeChat Pay</source>
        <translation>已在微信支付查询</translation>
    </message>
    <message>
        <source>Close requested</source>
        <translation>已申请关单</translation>
    </message>
    <message>
        <source>Reverse requested</source>
        <translation>已申请撤销</translation>
    </message>
    <message>
        <source>UnionID looked up</source>
        <translation>已查询 UnionID</translation>
    </message>
    <message>
        <source>Recognised as a WeChat Pay order number (transaction_id).</source>
        <translation>已识别为微信支付订单号（transaction_id）。</translation>
    </message>
    <message>
        <source>Recognised as your order number (out_trade_no).</source>
        <translation>已识别为商户订单号（out_trade_no）。</translation>
    </message>
    <message>
        <source>Type or scan an order number first.</source>
        <translation>请先输入或扫描订单号。</translation>
    </message>
    <message>
        <source>“%1” is not an order number. A WeChat Pay order number (transaction_id) has 28 to 32 digits and starts with 4; your own order number (out_trade_no) has 6 to 32 letters, digits or _ - | *.</source>
        <translation>“%1”不是订单号。微信支付订单号（transaction_id）为 28 至 32 位数字，以 4 开头；商户订单号（out_trade_no）为 6 至 32 位字母、数字或 _ - | *。</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this order: check the number, and that the right merchant profile is in use.</source>
        <translation>微信支付查无此订单：请核对订单号，并确认使用的是正确的商户配置。</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>全部商户配置</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in this computer's history: looking it up at WeChat Pay…</source>
        <translation>本机记录中没有此订单：正在向微信支付查询…</translation>
    </message>
    <message>
        <source>Found at WeChat Pay and added to this computer's history.</source>
        <translation>已在微信支付查到，并已加入本机记录。</translation>
    </message>
    <message>
        <source>Found at WeChat Pay; the history is up to date.</source>
        <translation>已在微信支付查到，本机记录已更新。</translation>
    </message>
    <message>
        <source>The order %1 is not in this computer's history.</source>
        <translation>本机记录中没有订单 %1。</translation>
    </message>
    <message>
        <source>Merchant profile:</source>
        <translation>商户配置：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>接口版本：</translation>
    </message>
    <message>
        <source>Order number (out_trade_no):</source>
        <translation>商户订单号（out_trade_no）：</translation>
    </message>
    <message>
        <source>WeChat Pay order number (transaction_id):</source>
        <translation>微信支付订单号（transaction_id）：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>订单金额：</translation>
    </message>
    <message>
        <source>Paid by the customer:</source>
        <translation>顾客实付：</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>WeChat Pay says:</source>
        <translation>微信支付说明：</translation>
    </message>
    <message>
        <source>Payer (openid):</source>
        <translation>付款人（openid）：</translation>
    </message>
    <message>
        <source>Payer (unionid):</source>
        <translation>付款人（unionid）：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Paid at:</source>
        <translation>支付时间：</translation>
    </message>
    <message>
        <source>Last checked with WeChat Pay:</source>
        <translation>最近一次向微信支付确认：</translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation>收银员：</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>收银台：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>商品描述：</translation>
    </message>
    <message>
        <source>Attached data:</source>
        <translation>附加数据：</translation>
    </message>
    <message>
        <source>Last problem:</source>
        <translation>最近的问题：</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Checking the order with WeChat Pay…</source>
        <translation>正在向微信支付查询订单…</translation>
    </message>
    <message>
        <source>Checked with WeChat Pay: %1.</source>
        <translation>已向微信支付确认：%1。</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Close the order %1 of %2? The customer can then no longer pay it.</source>
        <translation>关闭订单 %1（%2）？关闭后顾客将无法再支付。</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>暂不关闭</translation>
    </message>
    <message>
        <source>Reverse payment</source>
        <translation>撤销订单</translation>
    </message>
    <message>
        <source>Reverse the order %1 of %2? An unfinished payment is cancelled; a completed one is given back to the customer.</source>
        <translation>撤销订单 %1（%2）？未完成的支付将被取消；已完成的支付将退还给顾客。</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Keep the payment</source>
        <translation>暂不撤销</translation>
    </message>
    <message>
        <source>Closing the order…</source>
        <translation>正在关闭订单…</translation>
    </message>
    <message>
        <source>Reversing the payment…</source>
        <translation>正在撤销订单…</translation>
    </message>
    <message>
        <source>It could not be checked again afterwards: press Check again.</source>
        <translation>之后未能再次确认订单状态：请点击“重新查询”。</translation>
    </message>
    <message>
        <source>The order is closed: it can no longer be paid.</source>
        <translation>订单已关闭：无法再支付。</translation>
    </message>
    <message>
        <source>The payment is reversed: the money goes back to the customer.</source>
        <translation>订单已撤销：款项将退还给顾客。</translation>
    </message>
    <message>
        <source>The payment is cancelled: nothing was charged.</source>
        <translation>订单已撤销：未扣款。</translation>
    </message>
    <message>
        <source>Nothing to do: the order had already ended without payment.</source>
        <translation>无需操作：订单已结束，未支付。</translation>
    </message>
    <message>
        <source>WeChat Pay asks for the reverse to be sent again: press Reverse again in a few seconds.</source>
        <translation>微信支付要求重新发起撤销：请几秒后再次点击“撤销”。</translation>
    </message>
    <message>
        <source>The order is paid, so it cannot be closed: refund it instead.</source>
        <translation>订单已支付，不能关单：请改为退款。</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The orders could not be written to %1: choose another file.</source>
        <translation>无法将订单写入 %1：请选择其他文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 笔订单写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>This order belongs to the profile “%1”: switch to that profile to act on it.</source>
        <translation>此订单属于商户配置“%1”：请切换到该配置后再操作。</translation>
    </message>
    <message>
        <source>Ask WeChat Pay where the order stands and update the history.</source>
        <translation>向微信支付查询订单状态并更新本机记录。</translation>
    </message>
    <message>
        <source>Close an unpaid order so that it can no longer be paid.</source>
        <translation>关闭未支付的订单，使其无法再支付。</translation>
    </message>
    <message>
        <source>Reverse a payment-code (Quick Pay) payment: an unfinished one is cancelled, a completed one given back.</source>
        <translation>撤销付款码支付订单：未完成的支付将被取消，已完成的将退还。</translation>
    </message>
    <message>
        <source>Refund all or part of a paid order.</source>
        <translation>对已支付订单全额或部分退款。</translation>
    </message>
    <message>
        <source>Look up the payer's UnionID (mini-program).</source>
        <translation>查询付款人的 UnionID（小程序）。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Opening the order history…</source>
        <translation>正在打开订单记录…</translation>
    </message>
    <message>
        <source>Find an order:</source>
        <translation>查找订单：</translation>
    </message>
    <message>
        <source>WeChat Pay order number or your order number, then Enter</source>
        <translation>输入微信支付订单号或商户订单号，按回车</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>商户配置：</translation>
    </message>
    <message>
        <source>Amount from:</source>
        <translation>金额从：</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Description contains:</source>
        <translation>商品描述包含：</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <source>Close order…</source>
        <translation>关闭订单…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Look up UnionID…</source>
        <translation>查询 UnionID…</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refund number</source>
        <translation>商户退款单号</translation>
    </message>
    <message>
        <source>WeChat Pay refund number</source>
        <translation>微信支付退款单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Request-ID</source>
        <translation>Request-ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::PinDialog</name>
    <message>
        <source>The manager PIN is 4 to 12 digits.</source>
        <translation>店长密码为 4 到 12 位数字。</translation>
    </message>
    <message>
        <source>No manager PIN is set for this merchant profile.</source>
        <translation>此商户配置未设置店长密码。</translation>
    </message>
    <message>
        <source>Enter the manager PIN.</source>
        <translation>请输入店长密码。</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <source>A manager PIN is needed for this.</source>
        <translation>此操作需要店长密码。</translation>
    </message>
    <message>
        <source>Manager PIN:</source>
        <translation>店长密码：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ProfileForm</name>
    <message>
        <source>A profile with this ID exists already</source>
        <translation>已有相同 ID 的配置</translation>
    </message>
    <message>
        <source>Fill in the sub-merchant ID first</source>
        <translation>请先填写子商户号</translation>
    </message>
    <message>
        <source>At most 100 characters</source>
        <translation>最多 100 个字符</translation>
    </message>
    <message>
        <source>At most 32 characters</source>
        <translation>最多 32 个字符</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// only for this computer)</source>
        <translation>请使用 https://（http:// 仅限本机地址）</translation>
    </message>
    <message>
        <source>The address must not contain a '?' part</source>
        <translation>地址中不能带“?”及其后的参数</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://</source>
        <translation>请输入以 https:// 开头的完整地址</translation>
    </message>
    <message>
        <source>This profile cannot be saved: %1</source>
        <translation>此配置无法保存：%1</translation>
    </message>
    <message>
        <source>Use 1 to 64 lower-case letters, digits, - or _</source>
        <translation>请使用 1 到 64 位小写字母、数字、- 或 _</translation>
    </message>
    <message>
        <source>Give the profile a name, such as the shop's name</source>
        <translation>请为配置起个名称，如门店名称</translation>
    </message>
    <message>
        <source>The merchant ID is 6 to 20 digits</source>
        <translation>商户号为 6 到 20 位数字</translation>
    </message>
    <message>
        <source>An AppID is "wx" followed by 16 letters or digits</source>
        <translation>AppID 以“wx”开头，后跟 16 位字母或数字</translation>
    </message>
    <message>
        <source>The sub-merchant ID is 6 to 20 digits</source>
        <translation>子商户号为 6 到 20 位数字</translation>
    </message>
    <message>
        <source>A certificate serial is made of the digits 0-9 and the letters A-F</source>
        <translation>证书序列号只能包含数字 0-9 和字母 A-F</translation>
    </message>
    <message>
        <source>The public key ID looks like PUB_KEY_ID_0112345678</source>
        <translation>公钥 ID 的格式类似 PUB_KEY_ID_0112345678</translation>
    </message>
    <message>
        <source>Use a three-letter currency code such as CNY or HKD</source>
        <translation>请使用三位字母的币种代码，如 CNY 或 HKD</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ProfilesPanel</name>
    <message>
        <source>APIv3 (China mainland)</source>
        <translation>APIv3（中国内地）</translation>
    </message>
    <message>
        <source>APIv2 (XML)</source>
        <translation>APIv2（XML）</translation>
    </message>
    <message>
        <source>APIv3 Global (cross-border)</source>
        <translation>APIv3 境外（跨境）</translation>
    </message>
    <message>
        <source>Hong Kong wallet (/hk/v3)</source>
        <translation>香港钱包（/hk/v3）</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>China mainland</source>
        <translation>中国内地</translation>
    </message>
    <message>
        <source>stable_token (recommended)</source>
        <translation>stable_token（推荐）</translation>
    </message>
    <message>
        <source>cgi-bin/token (replaces other holders' token)</source>
        <translation>cgi-bin/token（会使其他地方获取的 token 失效）</translation>
    </message>
    <message>
        <source>Pasted by the operator</source>
        <translation>由操作员粘贴</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>未保存：请修改标红的字段。</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>未保存。%1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its keys and certificates are deleted from this computer's keychain too. Orders already taken stay in the history.</source>
        <translation>删除配置“%1”吗？它的密钥和证书也会从这台电脑的钥匙串中删除。已收款的订单仍保留在历史记录中。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Removing the profile and its keys…</source>
        <translation>正在删除配置及其密钥…</translation>
    </message>
    <message>
        <source>The profile was not removed. %1</source>
        <translation>配置未删除。%1</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Payments now use “%1”.</source>
        <translation>现在使用“%1”收款。</translation>
    </message>
    <message>
        <source>Merchant profiles</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>No merchant profile yet. Fill in the form with the merchant ID and AppID from the WeChat Pay merchant platform, save it, then import its keys.</source>
        <translation>还没有商户配置。请填写微信支付商户平台上的商户号和 AppID，保存后再导入密钥。</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>添加配置</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Use for payments</source>
        <translation>用于收款</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Sub-merchant (service providers only)</source>
        <translation>子商户（仅服务商）</translation>
    </message>
    <message>
        <source>Mini-program (UnionID look-up)</source>
        <translation>小程序（查询 UnionID）</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款设置</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Profile ID:</source>
        <translation>配置 ID：</translation>
    </message>
    <message>
        <source>Merchant ID (mchid):</source>
        <translation>商户号（mchid）：</translation>
    </message>
    <message>
        <source>AppID:</source>
        <translation>AppID：</translation>
    </message>
    <message>
        <source>Sub-merchant ID:</source>
        <translation>子商户号：</translation>
    </message>
    <message>
        <source>Sub-merchant AppID:</source>
        <translation>子商户 AppID：</translation>
    </message>
    <message>
        <source>Merchant certificate serial:</source>
        <translation>商户证书序列号：</translation>
    </message>
    <message>
        <source>Platform certificate serials:</source>
        <translation>平台证书序列号：</translation>
    </message>
    <message>
        <source>WeChat Pay public key ID:</source>
        <translation>微信支付公钥 ID：</translation>
    </message>
    <message>
        <source>Notify URL:</source>
        <translation>回调通知地址：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Device ID:</source>
        <translation>设备号：</translation>
    </message>
    <message>
        <source>Store ID:</source>
        <translation>门店编号：</translation>
    </message>
    <message>
        <source>Mini-program AppID:</source>
        <translation>小程序 AppID：</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>接口地址：</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>接口版本：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>APIv2 sign type:</source>
        <translation>APIv2 签名方式：</translation>
    </message>
    <message>
        <source>Access token from:</source>
        <translation>access_token 获取方式：</translation>
    </message>
    <message>
        <source>e.g. the shop's name</source>
        <translation>如门店名称</translation>
    </message>
    <message>
        <source>Made from the merchant ID if left empty</source>
        <translation>留空则按商户号生成</translation>
    </message>
    <message>
        <source>Leave empty for a direct merchant</source>
        <translation>直连商户留空</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Filled in by “Import keys…”</source>
        <translation>由“导入密钥…”自动填写</translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation>多个时用逗号分隔</translation>
    </message>
    <message>
        <source>Optional, e.g. the till number</source>
        <translation>选填，如收银台编号</translation>
    </message>
    <message>
        <source>Leave empty to use WeChat Pay's own address</source>
        <translation>留空则使用微信支付官方地址</translation>
    </message>
    <message>
        <source>Import keys…</source>
        <translation>导入密钥…</translation>
    </message>
    <message>
        <source>Save the profile first</source>
        <translation>请先保存配置</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Asking WeChat Pay with this profile's keys…</source>
        <translation>正在用此配置的密钥向微信支付发起测试…</translation>
    </message>
    <message>
        <source>Connected: WeChat Pay accepted this profile's keys, and its answer was verified.</source>
        <translation>连接成功：微信支付接受了此配置的密钥，且其应答验证通过。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Checks the saved profile's keys with WeChat Pay</source>
        <translation>用已保存配置的密钥向微信支付测试</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::QrState</name>
    <message>
        <source>Paid ✓</source>
        <translation>已付款 ✓</translation>
    </message>
    <message>
        <source>Order closed</source>
        <translation>订单已关闭</translation>
    </message>
    <message>
        <source>QR code expired</source>
        <translation>二维码已过期</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::QrView</name>
    <message>
        <source>Expires in %1</source>
        <translation>%1 后失效</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>保存二维码</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the QR code to %1. Choose another folder.</source>
        <translation>无法把二维码保存到 %1，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Save QR…</source>
        <translation>保存二维码…</translation>
    </message>
    <message>
        <source>Customer view</source>
        <translation>顾客屏</translation>
    </message>
    <message>
        <source>Show the QR code full screen to the customer (on the second screen when there is one)</source>
        <translation>向顾客全屏显示二维码（有第二块屏幕时显示在第二块屏幕上）</translation>
    </message>
    <message>
        <source>No QR code yet</source>
        <translation>暂无二维码</translation>
    </message>
    <message>
        <source>Ask the customer to scan the code with WeChat.</source>
        <translation>请顾客用微信扫描二维码。</translation>
    </message>
    <message>
        <source>Waiting for the customer to pay…</source>
        <translation>等待顾客付款…</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <source>Order closed — do not take this payment</source>
        <translation>订单已关闭 — 请勿再收此款</translation>
    </message>
    <message>
        <source>QR code expired — create a new order</source>
        <translation>二维码已过期 — 请重新下单</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::RefundsPanel</name>
    <message>
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>paid, with refunds</source>
        <translation>已支付，有退款</translation>
    </message>
    <message>
        <source>not paid yet</source>
        <translation>尚未支付</translation>
    </message>
    <message>
        <source>waiting for the customer's password</source>
        <translation>等待顾客输入密码</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>accepted, not paid yet</source>
        <translation>已受理，尚未支付</translation>
    </message>
    <message>
        <source>not confirmed by WeChat Pay</source>
        <translation>微信支付尚未确认</translation>
    </message>
    <message>
        <source>Being paid back</source>
        <translation>退款处理中</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>退款异常</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>At most %1 can still be refunded on this order.</source>
        <translation>此订单最多还可退 %1。</translation>
    </message>
    <message>
        <source>Enter the merchant order number (out_trade_no) of the order to refund.</source>
        <translation>请输入要退款订单的商户订单号（out_trade_no）。</translation>
    </message>
    <message>
        <source>Order %1 is not in this till's history: look it up in Orders first, then refund it here.</source>
        <translation>订单 %1 不在本收银台的记录中：请先在“订单”中查询，再到这里退款。</translation>
    </message>
    <message>
        <source>Order %1 is %2: there is nothing to refund.</source>
        <translation>订单 %1 %2：没有可退的金额。</translation>
    </message>
    <message>
        <source>Nothing is left to refund on this order.</source>
        <translation>此订单已无可退金额。</translation>
    </message>
    <message>
        <source>Enter the amount to refund.</source>
        <translation>请输入退款金额。</translation>
    </message>
    <message>
        <source>Confirm refund</source>
        <translation>确认退款</translation>
    </message>
    <message>
        <source>Refund %1 of order %2 to the customer?</source>
        <translation>确定将订单 %2 的 %1 退给顾客吗？</translation>
    </message>
    <message>
        <source>Reason shown to the customer: %1</source>
        <translation>向顾客显示的退款原因：%1</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <source>Don't refund</source>
        <translation>不退款</translation>
    </message>
    <message>
        <source>The manager PIN could not be checked, so the refund was not sent. %1</source>
        <translation>无法验证店长密码，退款未发出。%1</translation>
    </message>
    <message>
        <source>Enter the manager PIN to refund %1 of order %2.</source>
        <translation>输入店长密码，退还订单 %2 的 %1。</translation>
    </message>
    <message>
        <source>Asking WeChat Pay about the pending refunds (%1)…</source>
        <translation>正在向微信支付查询处理中的退款（%1 笔）…</translation>
    </message>
    <message>
        <source>No refund is waiting for WeChat Pay.</source>
        <translation>没有等待微信支付处理的退款。</translation>
    </message>
    <message>
        <source>Pending refunds checked: %1. Refunded: %2. Still being paid back: %3. Closed or abnormal: %4.</source>
        <translation>已查询处理中的退款：%1 笔。已退款：%2 笔。仍在处理：%3 笔。已关闭或异常：%4 笔。</translation>
    </message>
    <message>
        <source>Order %1: %2, %3.</source>
        <translation>订单 %1：%2，%3。</translation>
    </message>
    <message>
        <source>Refunded or being refunded: %1. Can still be refunded: %2.</source>
        <translation>已退或退款中：%1。还可退：%2。</translation>
    </message>
    <message>
        <source>Sending the refund of %1 to WeChat Pay…</source>
        <translation>正在向微信支付提交 %1 的退款…</translation>
    </message>
    <message>
        <source>WeChat Pay accepted the refund and is paying %1 back to the customer…</source>
        <translation>微信支付已受理退款，正在将 %1 退给顾客…</translation>
    </message>
    <message>
        <source>Refunded: %1 went back to the customer.</source>
        <translation>退款成功：%1 已退回顾客。</translation>
    </message>
    <message>
        <source>WeChat Pay closed the refund: nothing was paid back.</source>
        <translation>微信支付已关闭此退款：没有退回任何金额。</translation>
    </message>
    <message>
        <source>The refund is abnormal (for example the customer's card was cancelled): handle it at the WeChat Pay merchant platform.</source>
        <translation>退款异常（例如顾客的银行卡已注销）：请到微信支付商户平台处理。</translation>
    </message>
    <message>
        <source>WeChat Pay refused the refund: nothing was paid back.</source>
        <translation>微信支付拒绝了退款：没有退回任何金额。</translation>
    </message>
    <message>
        <source>WeChat Pay refused the refund: %1</source>
        <translation>微信支付拒绝了退款：%1</translation>
    </message>
    <message>
        <source>The refund is not settled yet. It is kept: use “Check all pending refunds” later.</source>
        <translation>退款结果尚未确定。已保留记录：稍后请点击“查询全部处理中的退款”。</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Opening the merchant profile…</source>
        <translation>正在打开商户配置…</translation>
    </message>
    <message>
        <source>Merchant order number (out_trade_no):</source>
        <translation>商户订单号（out_trade_no）：</translation>
    </message>
    <message>
        <source>Scan or type the order number, then Enter</source>
        <translation>扫描或输入订单号，然后按回车</translation>
    </message>
    <message>
        <source>Show order</source>
        <translation>查看订单</translation>
    </message>
    <message>
        <source>Refund amount (%1):</source>
        <translation>退款金额（%1）：</translation>
    </message>
    <message>
        <source>Reason (optional, shown to the customer):</source>
        <translation>退款原因（选填，顾客可见）：</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Latest refunds</source>
        <translation>最近的退款</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Order (out_trade_no)</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refund (out_refund_no)</source>
        <translation>商户退款单号</translation>
    </message>
    <message>
        <source>Check all pending refunds</source>
        <translation>查询全部处理中的退款</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::Screenshots</name>
    <message>
        <source>Sandbox shop</source>
        <translation>沙箱测试门店</translation>
    </message>
    <message>
        <source>Flagship store, Nanjing Road</source>
        <translation>南京路旗舰店</translation>
    </message>
    <message>
        <source>Hong Kong branch</source>
        <translation>香港分店</translation>
    </message>
    <message>
        <source>Airport kiosk</source>
        <translation>机场店</translation>
    </message>
    <message>
        <source>Returned one cup</source>
        <translation>退回一杯</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::SetPinDialog</name>
    <message>
        <source>The new PIN must be 4 to 12 digits.</source>
        <translation>新密码必须是 4 到 12 位数字。</translation>
    </message>
    <message>
        <source>The two new PINs are not the same: type them again.</source>
        <translation>两次输入的新密码不一致：请重新输入。</translation>
    </message>
    <message>
        <source>Enter the current PIN.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Change the manager PIN</source>
        <translation>修改店长密码</translation>
    </message>
    <message>
        <source>Set a manager PIN</source>
        <translation>设置店长密码</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New PIN again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>4 to 12 digits. Refunds ask for it, and it unlocks a locked console.</source>
        <translation>4 到 12 位数字。退款时需要输入，也用于解锁已锁定的收银台。</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>保存密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::TakePaymentPanel</name>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Amount to collect: %1</source>
        <translation>应收金额：%1</translation>
    </message>
    <message>
        <source>Amount (%1):</source>
        <translation>金额（%1）：</translation>
    </message>
    <message>
        <source>What WeChat Pay said about this payment:</source>
        <translation>微信支付对这笔付款的答复：</translation>
    </message>
    <message>
        <source>Creating the order…</source>
        <translation>正在创建订单…</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan and pay…</source>
        <translation>等待顾客扫码付款…</translation>
    </message>
    <message>
        <source>Closing the order…</source>
        <translation>正在关闭订单…</translation>
    </message>
    <message>
        <source>Paid.</source>
        <translation>已付款。</translation>
    </message>
    <message>
        <source>The order is closed: nothing was charged.</source>
        <translation>订单已关闭：未扣款。</translation>
    </message>
    <message>
        <source>The QR code expired before the customer paid: nothing was charged.</source>
        <translation>顾客付款前二维码已过期：未扣款。</translation>
    </message>
    <message>
        <source>WeChat Pay did not create the order.</source>
        <translation>微信支付未创建此订单。</translation>
    </message>
    <message>
        <source>The order's outcome is unclear: look it up in Orders before taking the payment again.</source>
        <translation>订单结果不明：请先在“订单”中查询，再重新收款。</translation>
    </message>
    <message>
        <source>Waiting for the customer to enter their password…</source>
        <translation>等待顾客输入支付密码…</translation>
    </message>
    <message>
        <source>Checking with WeChat Pay whether the customer paid…</source>
        <translation>正在向微信支付确认顾客是否已付款…</translation>
    </message>
    <message>
        <source>Cancelling the payment…</source>
        <translation>正在撤销付款…</translation>
    </message>
    <message>
        <source>Sending the payment…</source>
        <translation>正在发起付款…</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>%1 received.</source>
        <translation>已收款 %1。</translation>
    </message>
    <message>
        <source>CHECK NEEDED</source>
        <translation>需要核实</translation>
    </message>
    <message>
        <source>WeChat Pay declined the payment.</source>
        <translation>微信支付拒绝了这笔付款。</translation>
    </message>
    <message>
        <source>The payment failed on the customer's side: ask them to try again.</source>
        <translation>顾客付款失败：请让顾客重试。</translation>
    </message>
    <message>
        <source>WeChat Pay did not create the payment: nothing was charged.</source>
        <translation>微信支付未创建这笔付款：未扣款。</translation>
    </message>
    <message>
        <source>Cancelled: the payment was reversed, nothing was charged.</source>
        <translation>已取消：付款已撤销，未扣款。</translation>
    </message>
    <message>
        <source>The customer did not confirm in time: the payment was reversed, nothing was charged.</source>
        <translation>顾客未及时确认：付款已撤销，未扣款。</translation>
    </message>
    <message>
        <source>The payment was not sent.</source>
        <translation>付款未发出。</translation>
    </message>
    <message>
        <source>NOT PAID</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>Preparing the sandbox…</source>
        <translation>正在准备沙箱…</translation>
    </message>
    <message>
        <source>Opening the merchant profile…</source>
        <translation>正在打开商户配置…</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>商品描述：</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>QR code (customer scans)</source>
        <translation>二维码（顾客扫码）</translation>
    </message>
    <message>
        <source>Payment code (scan the customer)</source>
        <translation>付款码（扫顾客）</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>显示二维码</translation>
    </message>
    <message>
        <source>Customer's payment code:</source>
        <translation>顾客付款码：</translation>
    </message>
    <message>
        <source>Scan the code in the customer's WeChat; the payment starts when the scanner sends Enter.</source>
        <translation>扫描顾客微信中的付款码；扫码枪发送回车后即开始收款。</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Customer scans and pays (sandbox)</source>
        <translation>顾客扫码付款（沙箱）</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>撤销付款</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>新的收款</translation>
    </message>
    <message>
        <source>%1 received. It could no longer be reversed: refund it in Refunds if the sale is cancelled.</source>
        <translation>已收款 %1。已无法撤销：如顾客取消购买，请在“退款”中退款。</translation>
    </message>
    <message>
        <source>The outcome is unclear: look it up in Orders before taking the payment again. The console keeps asking WeChat Pay by itself.</source>
        <translation>结果不明：请先在“订单”中查询，再重新收款。收银台会自动继续向微信支付查询。</translation>
    </message>
    </context>
<context>
    <name>wxpay::ui::UnionIdPanel</name>
    <message>
        <source>Enter the payer's openid.</source>
        <translation>请输入付款用户的 openid。</translation>
    </message>
    <message>
        <source>Enter the WeChat Pay order number (transaction_id) of the payment.</source>
        <translation>请输入该笔支付的微信支付订单号（transaction_id）。</translation>
    </message>
    <message>
        <source>Enter both the merchant ID and the merchant order number (out_trade_no).</source>
        <translation>请同时输入商户号和商户订单号（out_trade_no）。</translation>
    </message>
    <message>
        <source>Paste an access token of the mini-program.</source>
        <translation>请粘贴小程序的 access_token。</translation>
    </message>
    <message>
        <source>UnionID look-up</source>
        <translation>查询 UnionID</translation>
    </message>
    <message>
        <source>Opening the merchant profile…</source>
        <translation>正在打开商户配置…</translation>
    </message>
    <message>
        <source>This merchant profile has no mini-program AppID, so UnionIDs cannot be looked up here. Add the mini-program's AppID and AppSecret to the profile in Settings.</source>
        <translation>此商户配置没有小程序 AppID，无法查询 UnionID。请在设置中为该配置添加小程序的 AppID 和 AppSecret。</translation>
    </message>
    <message>
        <source>Find the UnionID of a customer who paid in your mini-program: enter the payer's openid and the payment.</source>
        <translation>查询在您的小程序中付款的用户的 UnionID：请输入付款用户的 openid 和该笔支付。</translation>
    </message>
    <message>
        <source>WeChat answers only within 5 minutes after the payment: look the UnionID up right after the customer has paid.</source>
        <translation>仅在支付完成后 5 分钟内可以查询：请在用户付款后立即查询 UnionID。</translation>
    </message>
    <message>
        <source>Payer's openid:</source>
        <translation>付款用户 openid：</translation>
    </message>
    <message>
        <source>Find the payment by:</source>
        <translation>查找支付的方式：</translation>
    </message>
    <message>
        <source>WeChat Pay order number</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Merchant ID and merchant order number</source>
        <translation>商户号和商户订单号</translation>
    </message>
    <message>
        <source>WeChat Pay order number (transaction_id):</source>
        <translation>微信支付订单号（transaction_id）：</translation>
    </message>
    <message>
        <source>Merchant ID (mch_id):</source>
        <translation>商户号（mch_id）：</translation>
    </message>
    <message>
        <source>Merchant order number (out_trade_no):</source>
        <translation>商户订单号（out_trade_no）：</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>access_token：</translation>
    </message>
    <message>
        <source>This profile takes the mini-program's access token from you: paste a current one. It is used for this look-up only and is not stored.</source>
        <translation>此配置的小程序 access_token 由您提供：请粘贴当前有效的 access_token。它只用于本次查询，不会保存。</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Asking WeChat…</source>
        <translation>正在向微信查询…</translation>
    </message>
    <message>
        <source>The payer's UnionID:</source>
        <translation>付款用户的 UnionID：</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Saved with the order in the history.</source>
        <translation>已保存到历史记录中的该订单。</translation>
    </message>
    <message>
        <source>This order is not in this computer's history, so the UnionID was not saved with it.</source>
        <translation>本机历史记录中没有此订单，因此 UnionID 未随订单保存。</translation>
    </message>
</context>
<context>
    <name>wxpay::workflows</name>
    <message>
        <source>WeChat could not be reached. Check the network and try again.</source>
        <translation>无法连接微信支付。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The mini-program AppSecret is not set up in this profile.</source>
        <translation>此配置还没有设置小程序 AppSecret。</translation>
    </message>
    <message>
        <source>The keychain could not be used: unlock it and try again.</source>
        <translation>无法使用系统钥匙串：请解锁后重试。</translation>
    </message>
    <message>
        <source>The lookup is incomplete: it needs the payer's openid and the order.</source>
        <translation>查询信息不完整：需要付款人的 openid 和订单。</translation>
    </message>
    <message>
        <source>WeChat's answer could not be understood. Try again later.</source>
        <translation>无法识别微信返回的结果，请稍后重试。</translation>
    </message>
    <message>
        <source>WeChat refused the request: %1</source>
        <translation>微信拒绝了请求：%1</translation>
    </message>
    <message>
        <source>WeChat is busy. Try again in a moment.</source>
        <translation>微信系统繁忙，请稍后重试。</translation>
    </message>
    <message>
        <source>WeChat did not accept the access token or the AppSecret. Check the mini-program AppSecret in the profile.</source>
        <translation>微信不接受该 access_token 或 AppSecret。请检查配置中的小程序 AppSecret。</translation>
    </message>
    <message>
        <source>This openid is not the payer's openid for this mini-program.</source>
        <translation>此 openid 不是该小程序下付款人的 openid。</translation>
    </message>
    <message>
        <source>The mini-program AppID is not valid.</source>
        <translation>小程序 AppID 无效。</translation>
    </message>
    <message>
        <source>The access token has expired. Get a new one and try again.</source>
        <translation>access_token 已过期，请重新获取后重试。</translation>
    </message>
    <message>
        <source>This computer's IP address is not on the mini-program's IP allow-list.</source>
        <translation>这台电脑的 IP 地址不在小程序的 IP 白名单中。</translation>
    </message>
    <message>
        <source>No access token was sent.</source>
        <translation>请求中没有 access_token。</translation>
    </message>
    <message>
        <source>The mini-program reached its daily limit for this call. Try again tomorrow.</source>
        <translation>小程序今天调用此接口的次数已达上限，请明天再试。</translation>
    </message>
    <message>
        <source>Too many calls in a short time. Wait a minute and try again.</source>
        <translation>短时间内调用过于频繁，请等一分钟后重试。</translation>
    </message>
    <message>
        <source>This mini-program is not allowed to use this function.</source>
        <translation>此小程序没有使用该功能的权限。</translation>
    </message>
    <message>
        <source>The mini-program is not bound to a WeChat Open Platform account, so there is no unionid.</source>
        <translation>该小程序未绑定微信开放平台账号，因此没有 unionid。</translation>
    </message>
    <message>
        <source>No paid order matches, or more than 5 minutes have passed since the payment: the unionid can only be looked up within 5 minutes of paying.</source>
        <translation>没有匹配的已付款订单，或付款已超过 5 分钟：unionid 只能在付款后 5 分钟内查询。</translation>
    </message>
    <message>
        <source>WeChat answered with error %1: %2</source>
        <translation>微信返回错误 %1：%2</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request because this computer's clock is wrong by more than 5 minutes. Set the date, time and time zone, then test again.</source>
        <translation>微信支付拒绝了请求：本机时钟误差超过 5 分钟。请校准日期、时间和时区后再测试。</translation>
    </message>
    <message>
        <source>WeChat Pay does not know the merchant certificate serial of this profile: import the merchant API certificate again.</source>
        <translation>微信支付不认识此配置的商户证书序列号：请重新导入商户 API 证书。</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request's signature: the API key, the merchant private key or the merchant certificate serial of this profile is wrong. Import the keys again from the merchant platform.</source>
        <translation>微信支付验签失败：此配置的 API 密钥、商户私钥或商户证书序列号有误。请从商户平台重新导入密钥。</translation>
    </message>
    <message>
        <source>WeChat Pay's answer is dated more than 5 minutes away from this computer's clock: set the date, time and time zone, then test again.</source>
        <translation>微信支付应答的时间与本机时钟相差超过 5 分钟：请校准日期、时间和时区后再测试。</translation>
    </message>
    <message>
        <source>WeChat Pay signed its answer with a certificate or public key this profile does not know: enter the WeChat Pay public key ID or update the platform certificates.</source>
        <translation>微信支付应答所用的证书或公钥不在此配置中：请填写微信支付公钥 ID，或更新平台证书。</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request's signature, and its answer could not be verified either: import the merchant keys and the WeChat Pay public key or platform certificate again.</source>
        <translation>微信支付验签失败，且其应答也无法验证：请重新导入商户密钥，以及微信支付公钥或平台证书。</translation>
    </message>
    <message>
        <source>WeChat Pay's answer is about another merchant ID or AppID: check the API address of the profile.</source>
        <translation>微信支付的应答属于其他商户号或 AppID：请检查此配置的接口地址。</translation>
    </message>
    <message>
        <source>WeChat Pay's answer could not be verified: check the WeChat Pay public key or platform certificate (and, for APIv2, the API key) of this profile.</source>
        <translation>无法验证微信支付的应答：请检查此配置的微信支付公钥或平台证书（APIv2 请检查 API 密钥）。</translation>
    </message>
    <message>
        <source>A key of this profile is missing from the system keychain: import the keys.</source>
        <translation>系统钥匙串中缺少此配置的密钥：请导入密钥。</translation>
    </message>
    <message>
        <source>A key of this profile in the system keychain cannot be used: import it again.</source>
        <translation>系统钥匙串中此配置的密钥无法使用：请重新导入。</translation>
    </message>
    <message>
        <source>This profile has nothing to verify WeChat Pay's answers with: enter the WeChat Pay public key ID and import the public key, or import the APIv3 key so the platform certificates can be downloaded.</source>
        <translation>此配置没有可用于验证微信支付应答的公钥或证书：请填写微信支付公钥 ID 并导入公钥，或导入 APIv3 密钥以便下载平台证书。</translation>
    </message>
    <message>
        <source>The merchant API certificate is missing: import it.</source>
        <translation>缺少商户 API 证书：请导入。</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access: unlock it and test again.</source>
        <translation>系统钥匙串已锁定或拒绝访问：请解锁后再测试。</translation>
    </message>
    <message>
        <source>The merchant certificate serial is missing: import the merchant API certificate.</source>
        <translation>缺少商户证书序列号：请导入商户 API 证书。</translation>
    </message>
    <message>
        <source>The API address of this profile is not a valid address: correct it or leave it empty.</source>
        <translation>此配置的接口地址无效：请更正或留空。</translation>
    </message>
    <message>
        <source>The API address must start with https:// (plain http is only for the local sandbox).</source>
        <translation>接口地址必须以 https:// 开头（http 仅用于本机沙箱）。</translation>
    </message>
    <message>
        <source>A connection test is already running.</source>
        <translation>连接测试正在进行中。</translation>
    </message>
    <message>
        <source>This profile is incomplete: check its fields in Settings.</source>
        <translation>此配置不完整：请在设置中检查各项内容。</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this merchant ID: check the merchant ID of the profile.</source>
        <translation>微信支付找不到此商户号：请检查配置中的商户号。</translation>
    </message>
    <message>
        <source>The AppID does not belong to this merchant ID: check both in the profile.</source>
        <translation>AppID 与商户号不匹配：请检查配置中的这两项。</translation>
    </message>
    <message>
        <source>This merchant ID may not use this API: check the products enabled on the merchant platform, or choose the API family the merchant signed up for.</source>
        <translation>此商户号无权使用该接口：请在商户平台检查已开通的产品，或选择商户已开通的 API 版本。</translation>
    </message>
    <message>
        <source>WeChat Pay is busy: test again in a moment.</source>
        <translation>微信支付系统繁忙：请稍后再测试。</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request (%1).</source>
        <translation>微信支付拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request: %1</source>
        <translation>微信支付拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The platform certificates could not be decrypted: the APIv3 key of this profile is wrong. Import it again.</source>
        <translation>无法解密平台证书：此配置的 APIv3 密钥有误。请重新导入。</translation>
    </message>
    <message>
        <source>No secure connection to WeChat Pay could be made: check the API address, this computer's date and time, and any proxy that inspects HTTPS.</source>
        <translation>无法与微信支付建立安全连接：请检查接口地址、本机日期和时间，以及是否有代理拦截 HTTPS。</translation>
    </message>
    <message>
        <source>WeChat Pay did not answer in time: check the network connection and the proxy settings, then test again.</source>
        <translation>微信支付未及时应答：请检查网络连接和代理设置后再测试。</translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached: check the network connection, the proxy settings and the API address of the profile.</source>
        <translation>无法连接微信支付：请检查网络连接、代理设置以及此配置的接口地址。</translation>
    </message>
    <message>
        <source>WeChat Pay had a problem (HTTP %1): test again later.</source>
        <translation>微信支付出现故障（HTTP %1）：请稍后再测试。</translation>
    </message>
    <message>
        <source>The server at the API address did not answer like WeChat Pay (HTTP %1): check the API address of the profile.</source>
        <translation>接口地址上的服务器应答不像微信支付（HTTP %1）：请检查此配置的接口地址。</translation>
    </message>
    <message>
        <source>The answer could not be read as WeChat Pay's: check the API address of the profile.</source>
        <translation>无法识别为微信支付的应答：请检查此配置的接口地址。</translation>
    </message>
    <message>
        <source>The local settings could not be read: test again.</source>
        <translation>无法读取本机设置：请再测试一次。</translation>
    </message>
    <message>
        <source>The connection test was cancelled.</source>
        <translation>连接测试已取消。</translation>
    </message>
    <message>
        <source>The connection test failed.</source>
        <translation>连接测试失败。</translation>
    </message>
</context>
</TS>
