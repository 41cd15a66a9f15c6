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
        <source>Unknown language &quot;%1&quot;: use zh_CN or en.</source>
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
        <source>This certificate is not valid yet: check this computer&apos;s date and time.</source>
        <translation>该证书尚未生效：请检查电脑的日期和时间。</translation>
    </message>
    <message>
        <source>The file is not a usable .p12 certificate: choose apiclient_cert.p12.</source>
        <translation>该文件不是可用的 .p12 证书：请选择 apiclient_cert.p12。</translation>
    </message>
    <message>
        <source>Wrong password for the .p12 file (WeChat Pay&apos;s default password is the merchant ID).</source>
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
        <source>Keys and certificates go only into this computer&apos;s system keychain. Choose what to import:</source>
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
        <source>The mini-program&apos;s AppSecret, for looking up a payer&apos;s UnionID (32 letters or digits).</source>
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
        <source>&lt;p&gt;&lt;b&gt;WeChat Pay Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer&apos;s UnionID, for one or several merchants.&lt;/p&gt;&lt;p&gt;Keys and certificates are kept only in this computer&apos;s system keychain. Orders are kept in a local history that works offline.&lt;/p&gt;</source>
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
</context>
<context>
    <name>wxpay::ui::PlaceholderPanel</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Find an order by its WeChat Pay transaction ID or your order number (out_trade_no), see whether it is paid, close it or reverse it. Past orders come from the history on this computer, even offline, and can be exported.</source>
        <translation>按微信支付订单号或商户订单号（out_trade_no）查找订单，查看是否已付款，关闭或撤销订单。历史订单来自这台电脑上的记录，离线也能查，并可导出。</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refund all or part of a paid order, with the manager PIN when one is set, and follow each refund until the money is back with the customer.</source>
        <translation>对已付款订单全额或部分退款（设置了店长密码时需输入），并跟踪每笔退款，直到钱款退回顾客。</translation>
    </message>
    <message>
        <source>UnionID</source>
        <translation>UnionID</translation>
    </message>
    <message>
        <source>Look up the payer&apos;s UnionID after a payment, through the merchant&apos;s mini-program (getpaidunionid).</source>
        <translation>付款后通过商户的小程序（getpaidunionid）查询付款人的 UnionID。</translation>
    </message>
    <message>
        <source>Coming next: this panel arrives with the payment workflows in the next update.</source>
        <translation>即将推出：此面板将随支付流程在下一次更新中提供。</translation>
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
        <source>The address must not contain a &apos;?&apos; part</source>
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
        <source>Give the profile a name, such as the shop&apos;s name</source>
        <translation>请为配置起个名称，如门店名称</translation>
    </message>
    <message>
        <source>The merchant ID is 6 to 20 digits</source>
        <translation>商户号为 6 到 20 位数字</translation>
    </message>
    <message>
        <source>An AppID is &quot;wx&quot; followed by 16 letters or digits</source>
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
        <source>cgi-bin/token (replaces other holders&apos; token)</source>
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
        <source>Remove the profile “%1”? Its keys and certificates are deleted from this computer&apos;s keychain too. Orders already taken stay in the history.</source>
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
        <source>e.g. the shop&apos;s name</source>
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
        <source>Leave empty to use WeChat Pay&apos;s own address</source>
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
        <translation>已付款</translation>
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
        <source>The order&apos;s outcome is unclear: look it up in Orders before taking the payment again.</source>
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
        <source>The outcome is unclear and can no longer be cancelled: look it up in Orders and refund it if the customer was charged.</source>
        <translation>结果不明且已无法撤销：请在“订单”中查询，如顾客已被扣款请退款。</translation>
    </message>
    <message>
        <source>The outcome is unclear: look it up in Orders before taking the payment again.</source>
        <translation>结果不明：请先在“订单”中查询，再重新收款。</translation>
    </message>
    <message>
        <source>WeChat Pay declined the payment.</source>
        <translation>微信支付拒绝了这笔付款。</translation>
    </message>
    <message>
        <source>The payment failed on the customer&apos;s side: ask them to try again.</source>
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
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>Enter a description of what the customer buys.</source>
        <translation>请输入商品描述。</translation>
    </message>
    <message>
        <source>This is not a valid WeChat payment code: scan the code shown in the customer&apos;s WeChat.</source>
        <translation>这不是有效的微信付款码：请扫描顾客微信中显示的付款码。</translation>
    </message>
    <message>
        <source>This payment code was already used: ask the customer to refresh it.</source>
        <translation>此付款码已使用过：请让顾客刷新付款码。</translation>
    </message>
    <message>
        <source>The customer&apos;s payment code has expired: ask them to refresh it.</source>
        <translation>顾客的付款码已过期：请让顾客刷新付款码。</translation>
    </message>
    <message>
        <source>The customer&apos;s balance is not enough: ask them to pay with another card.</source>
        <translation>顾客余额不足：请让顾客换一张卡付款。</translation>
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
        <source>WeChat Pay&apos;s answer could not be verified.</source>
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
        <source>The merchant&apos;s keys could not be used: check the profile in Settings.</source>
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
        <source>Customer&apos;s payment code:</source>
        <translation>顾客付款码：</translation>
    </message>
    <message>
        <source>Scan the code in the customer&apos;s WeChat; the payment starts when the scanner sends Enter.</source>
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
        <source>Details</source>
        <translation>详情</translation>
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
        <source>The lookup is incomplete: it needs the payer&apos;s openid and the order.</source>
        <translation>查询信息不完整：需要付款人的 openid 和订单。</translation>
    </message>
    <message>
        <source>WeChat&apos;s answer could not be understood. Try again later.</source>
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
        <source>This openid is not the payer&apos;s openid for this mini-program.</source>
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
        <source>This computer&apos;s IP address is not on the mini-program&apos;s IP allow-list.</source>
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
</context>
</TS>
