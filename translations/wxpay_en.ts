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
    <message>
        <source>Render every panel at 1280x800 as PNG files into the folder, with sample data, then exit.</source>
        <translation>Render every panel at 1280x800 as PNG files into the folder, with sample data, then exit.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use zh_CN or en.</source>
        <translation>Unknown language &quot;%1&quot;: use zh_CN or en.</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::AmountEdit</name>
    <message>
        <source>Amount, e.g. 12.50</source>
        <translation>Amount, e.g. 12.50</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::AmountInput</name>
    <message>
        <source>Amount must be more than 0</source>
        <translation>Amount must be more than 0</translation>
    </message>
    <message>
        <source>Whole amounts only, no decimals</source>
        <translation>Whole amounts only, no decimals</translation>
    </message>
    <message>
        <source>At most %1 decimal places</source>
        <translation>At most %1 decimal places</translation>
    </message>
    <message>
        <source>Amount is too large</source>
        <translation>Amount is too large</translation>
    </message>
    <message>
        <source>The merchant profile has no valid currency</source>
        <translation>The merchant profile has no valid currency</translation>
    </message>
    <message>
        <source>Enter an amount like 12.50</source>
        <translation>Enter an amount like 12.50</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::CredentialsErrors</name>
    <message>
        <source>The private key file is not a usable key: choose apiclient_key.pem.</source>
        <translation>The private key file is not a usable key: choose apiclient_key.pem.</translation>
    </message>
    <message>
        <source>The certificate file is not a usable certificate: choose apiclient_cert.pem.</source>
        <translation>The certificate file is not a usable certificate: choose apiclient_cert.pem.</translation>
    </message>
    <message>
        <source>The private key does not belong to this certificate: choose the two files downloaded together.</source>
        <translation>The private key does not belong to this certificate: choose the two files downloaded together.</translation>
    </message>
    <message>
        <source>This certificate has expired: download a new one from the WeChat Pay merchant platform.</source>
        <translation>This certificate has expired: download a new one from the WeChat Pay merchant platform.</translation>
    </message>
    <message>
        <source>This certificate is not valid yet: check this computer&apos;s date and time.</source>
        <translation>This certificate is not valid yet: check this computer&apos;s date and time.</translation>
    </message>
    <message>
        <source>The file is not a usable .p12 certificate: choose apiclient_cert.p12.</source>
        <translation>The file is not a usable .p12 certificate: choose apiclient_cert.p12.</translation>
    </message>
    <message>
        <source>Wrong password for the .p12 file (WeChat Pay&apos;s default password is the merchant ID).</source>
        <translation>Wrong password for the .p12 file (WeChat Pay&apos;s default password is the merchant ID).</translation>
    </message>
    <message>
        <source>The APIv2 key must be exactly 32 letters or digits.</source>
        <translation>The APIv2 key must be exactly 32 letters or digits.</translation>
    </message>
    <message>
        <source>The APIv3 key must be exactly 32 characters.</source>
        <translation>The APIv3 key must be exactly 32 characters.</translation>
    </message>
    <message>
        <source>The AppSecret must be exactly 32 letters or digits.</source>
        <translation>The AppSecret must be exactly 32 letters or digits.</translation>
    </message>
    <message>
        <source>The file cannot be read: check that it exists and that you may open it.</source>
        <translation>The file cannot be read: check that it exists and that you may open it.</translation>
    </message>
    <message>
        <source>The file is too large to be a key or certificate.</source>
        <translation>The file is too large to be a key or certificate.</translation>
    </message>
    <message>
        <source>This profile is not saved: save it first, then import its keys.</source>
        <translation>This profile is not saved: save it first, then import its keys.</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access: unlock it and try again.</source>
        <translation>The system keychain is locked or refused access: unlock it and try again.</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so keys cannot be stored.</source>
        <translation>No system keychain is available on this computer, so keys cannot be stored.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused.</source>
        <translation>Access to the system keychain was refused.</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time: try again.</source>
        <translation>The system keychain did not answer in time: try again.</translation>
    </message>
    <message>
        <source>The system keychain could not delete the keys: try again.</source>
        <translation>The system keychain could not delete the keys: try again.</translation>
    </message>
    <message>
        <source>A key in the system keychain is damaged: import it again.</source>
        <translation>A key in the system keychain is damaged: import it again.</translation>
    </message>
    <message>
        <source>The settings file cannot be written: check the disk and its permissions.</source>
        <translation>The settings file cannot be written: check the disk and its permissions.</translation>
    </message>
    <message>
        <source>The key is too large for the system keychain.</source>
        <translation>The key is too large for the system keychain.</translation>
    </message>
    <message>
        <source>The key was not found in the system keychain: import it again.</source>
        <translation>The key was not found in the system keychain: import it again.</translation>
    </message>
    <message>
        <source>The keys could not be stored (%1).</source>
        <translation>The keys could not be stored (%1).</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::CustomerView</name>
    <message>
        <source>Customer view</source>
        <translation>Customer view</translation>
    </message>
    <message>
        <source>Scan with WeChat to pay</source>
        <translation>Scan with WeChat to pay</translation>
    </message>
    <message>
        <source>Payment received — thank you</source>
        <translation>Payment received — thank you</translation>
    </message>
    <message>
        <source>This QR code can no longer be used</source>
        <translation>This QR code can no longer be used</translation>
    </message>
    <message>
        <source>Press Esc to return to the console</source>
        <translation>Press Esc to return to the console</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::KeyImportDialog</name>
    <message>
        <source>Private key (*.pem *.key);;All files (*)</source>
        <translation>Private key (*.pem *.key);;All files (*)</translation>
    </message>
    <message>
        <source>Certificate (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificate (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>PKCS#12 certificate (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 certificate (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>Checking and storing in the system keychain…</source>
        <translation>Checking and storing in the system keychain…</translation>
    </message>
    <message>
        <source>Choose both the private key file and the certificate file.</source>
        <translation>Choose both the private key file and the certificate file.</translation>
    </message>
    <message>
        <source>Choose the .p12 file.</source>
        <translation>Choose the .p12 file.</translation>
    </message>
    <message>
        <source>Imported. Certificate serial %1, valid until %2.</source>
        <translation>Imported. Certificate serial %1, valid until %2.</translation>
    </message>
    <message>
        <source>The APIv2 key is stored in the system keychain.</source>
        <translation>The APIv2 key is stored in the system keychain.</translation>
    </message>
    <message>
        <source>The APIv3 key is stored in the system keychain.</source>
        <translation>The APIv3 key is stored in the system keychain.</translation>
    </message>
    <message>
        <source>The AppSecret is stored in the system keychain.</source>
        <translation>The AppSecret is stored in the system keychain.</translation>
    </message>
    <message>
        <source>Import keys — %1</source>
        <translation>Import keys — %1</translation>
    </message>
    <message>
        <source>Keys and certificates go only into this computer&apos;s system keychain. Choose what to import:</source>
        <translation>Keys and certificates go only into this computer&apos;s system keychain. Choose what to import:</translation>
    </message>
    <message>
        <source>Merchant certificate</source>
        <translation>Merchant certificate</translation>
    </message>
    <message>
        <source>Client certificate (.p12)</source>
        <translation>Client certificate (.p12)</translation>
    </message>
    <message>
        <source>APIv2 key</source>
        <translation>APIv2 key</translation>
    </message>
    <message>
        <source>APIv3 key</source>
        <translation>APIv3 key</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>For APIv3: apiclient_key.pem and apiclient_cert.pem, downloaded together from the WeChat Pay merchant platform (Account centre → API security).</source>
        <translation>For APIv3: apiclient_key.pem and apiclient_cert.pem, downloaded together from the WeChat Pay merchant platform (Account centre → API security).</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Private key:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>For APIv2 refunds and reversals: apiclient_cert.p12 from the merchant platform.</source>
        <translation>For APIv2 refunds and reversals: apiclient_cert.p12 from the merchant platform.</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>Certificate file:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Leave empty for the default (the merchant ID)</source>
        <translation>Leave empty for the default (the merchant ID)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>The 32-character APIv2 key set on the merchant platform (API security).</source>
        <translation>The 32-character APIv2 key set on the merchant platform (API security).</translation>
    </message>
    <message>
        <source>The 32-character APIv3 key set on the merchant platform (API security).</source>
        <translation>The 32-character APIv3 key set on the merchant platform (API security).</translation>
    </message>
    <message>
        <source>The mini-program&apos;s AppSecret, for looking up a payer&apos;s UnionID (32 letters or digits).</source>
        <translation>The mini-program&apos;s AppSecret, for looking up a payer&apos;s UnionID (32 letters or digits).</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::MainWindow</name>
    <message>
        <source>WeChat Pay Console</source>
        <translation>WeChat Pay Console</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>Take payment</translation>
    </message>
    <message>
        <source>Sandbox — no real money</source>
        <translation>Sandbox — no real money</translation>
    </message>
    <message>
        <source>About WeChat Pay Console</source>
        <translation>About WeChat Pay Console</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;WeChat Pay Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer&apos;s UnionID, for one or several merchants.&lt;/p&gt;&lt;p&gt;Keys and certificates are kept only in this computer&apos;s system keychain. Orders are kept in a local history that works offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;WeChat Pay Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer&apos;s UnionID, for one or several merchants.&lt;/p&gt;&lt;p&gt;Keys and certificates are kept only in this computer&apos;s system keychain. Orders are kept in a local history that works offline.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>WeChat Pay Console — Sandbox</source>
        <translation>WeChat Pay Console — Sandbox</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>UnionID</source>
        <translation>UnionID</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About WeChat Pay Console</source>
        <translation>&amp;About WeChat Pay Console</translation>
    </message>
    <message>
        <source>Merchant: %1 (%2)</source>
        <translation>Merchant: %1 (%2)</translation>
    </message>
    <message>
        <source>No merchant profile: using the built-in sandbox</source>
        <translation>No merchant profile: using the built-in sandbox</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::PlaceholderPanel</name>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Find an order by its WeChat Pay transaction ID or your order number (out_trade_no), see whether it is paid, close it or reverse it. Past orders come from the history on this computer, even offline, and can be exported.</source>
        <translation>Find an order by its WeChat Pay transaction ID or your order number (out_trade_no), see whether it is paid, close it or reverse it. Past orders come from the history on this computer, even offline, and can be exported.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refund all or part of a paid order, with the manager PIN when one is set, and follow each refund until the money is back with the customer.</source>
        <translation>Refund all or part of a paid order, with the manager PIN when one is set, and follow each refund until the money is back with the customer.</translation>
    </message>
    <message>
        <source>UnionID</source>
        <translation>UnionID</translation>
    </message>
    <message>
        <source>Look up the payer&apos;s UnionID after a payment, through the merchant&apos;s mini-program (getpaidunionid).</source>
        <translation>Look up the payer&apos;s UnionID after a payment, through the merchant&apos;s mini-program (getpaidunionid).</translation>
    </message>
    <message>
        <source>Coming next: this panel arrives with the payment workflows in the next update.</source>
        <translation>Coming next: this panel arrives with the payment workflows in the next update.</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ProfileForm</name>
    <message>
        <source>A profile with this ID exists already</source>
        <translation>A profile with this ID exists already</translation>
    </message>
    <message>
        <source>Fill in the sub-merchant ID first</source>
        <translation>Fill in the sub-merchant ID first</translation>
    </message>
    <message>
        <source>At most 100 characters</source>
        <translation>At most 100 characters</translation>
    </message>
    <message>
        <source>At most 32 characters</source>
        <translation>At most 32 characters</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// only for this computer)</source>
        <translation>Use https:// (plain http:// only for this computer)</translation>
    </message>
    <message>
        <source>The address must not contain a &apos;?&apos; part</source>
        <translation>The address must not contain a &apos;?&apos; part</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://</source>
        <translation>Enter a full address starting with https://</translation>
    </message>
    <message>
        <source>This profile cannot be saved: %1</source>
        <translation>This profile cannot be saved: %1</translation>
    </message>
    <message>
        <source>Use 1 to 64 lower-case letters, digits, - or _</source>
        <translation>Use 1 to 64 lower-case letters, digits, - or _</translation>
    </message>
    <message>
        <source>Give the profile a name, such as the shop&apos;s name</source>
        <translation>Give the profile a name, such as the shop&apos;s name</translation>
    </message>
    <message>
        <source>The merchant ID is 6 to 20 digits</source>
        <translation>The merchant ID is 6 to 20 digits</translation>
    </message>
    <message>
        <source>An AppID is &quot;wx&quot; followed by 16 letters or digits</source>
        <translation>An AppID is &quot;wx&quot; followed by 16 letters or digits</translation>
    </message>
    <message>
        <source>The sub-merchant ID is 6 to 20 digits</source>
        <translation>The sub-merchant ID is 6 to 20 digits</translation>
    </message>
    <message>
        <source>A certificate serial is made of the digits 0-9 and the letters A-F</source>
        <translation>A certificate serial is made of the digits 0-9 and the letters A-F</translation>
    </message>
    <message>
        <source>The public key ID looks like PUB_KEY_ID_0112345678</source>
        <translation>The public key ID looks like PUB_KEY_ID_0112345678</translation>
    </message>
    <message>
        <source>Use a three-letter currency code such as CNY or HKD</source>
        <translation>Use a three-letter currency code such as CNY or HKD</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ProfilesPanel</name>
    <message>
        <source>APIv3 (China mainland)</source>
        <translation>APIv3 (China mainland)</translation>
    </message>
    <message>
        <source>APIv2 (XML)</source>
        <translation>APIv2 (XML)</translation>
    </message>
    <message>
        <source>APIv3 Global (cross-border)</source>
        <translation>APIv3 Global (cross-border)</translation>
    </message>
    <message>
        <source>Hong Kong wallet (/hk/v3)</source>
        <translation>Hong Kong wallet (/hk/v3)</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>Hong Kong</translation>
    </message>
    <message>
        <source>China mainland</source>
        <translation>China mainland</translation>
    </message>
    <message>
        <source>stable_token (recommended)</source>
        <translation>stable_token (recommended)</translation>
    </message>
    <message>
        <source>cgi-bin/token (replaces other holders&apos; token)</source>
        <translation>cgi-bin/token (replaces other holders&apos; token)</translation>
    </message>
    <message>
        <source>Pasted by the operator</source>
        <translation>Pasted by the operator</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>sandbox</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Nothing was saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>Nothing was saved. %1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Remove profile</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Its keys and certificates are deleted from this computer&apos;s keychain too. Orders already taken stay in the history.</source>
        <translation>Remove the profile “%1”? Its keys and certificates are deleted from this computer&apos;s keychain too. Orders already taken stay in the history.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Removing the profile and its keys…</source>
        <translation>Removing the profile and its keys…</translation>
    </message>
    <message>
        <source>The profile was not removed. %1</source>
        <translation>The profile was not removed. %1</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>Removed “%1”.</translation>
    </message>
    <message>
        <source>Payments now use “%1”.</source>
        <translation>Payments now use “%1”.</translation>
    </message>
    <message>
        <source>Merchant profiles</source>
        <translation>Merchant profiles</translation>
    </message>
    <message>
        <source>No merchant profile yet. Fill in the form with the merchant ID and AppID from the WeChat Pay merchant platform, save it, then import its keys.</source>
        <translation>No merchant profile yet. Fill in the form with the merchant ID and AppID from the WeChat Pay merchant platform, save it, then import its keys.</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Add profile</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Use for payments</source>
        <translation>Use for payments</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>Merchant</translation>
    </message>
    <message>
        <source>Sub-merchant (service providers only)</source>
        <translation>Sub-merchant (service providers only)</translation>
    </message>
    <message>
        <source>Mini-program (UnionID look-up)</source>
        <translation>Mini-program (UnionID look-up)</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Profile ID:</source>
        <translation>Profile ID:</translation>
    </message>
    <message>
        <source>Merchant ID (mchid):</source>
        <translation>Merchant ID (mchid):</translation>
    </message>
    <message>
        <source>AppID:</source>
        <translation>AppID:</translation>
    </message>
    <message>
        <source>Sub-merchant ID:</source>
        <translation>Sub-merchant ID:</translation>
    </message>
    <message>
        <source>Sub-merchant AppID:</source>
        <translation>Sub-merchant AppID:</translation>
    </message>
    <message>
        <source>Merchant certificate serial:</source>
        <translation>Merchant certificate serial:</translation>
    </message>
    <message>
        <source>Platform certificate serials:</source>
        <translation>Platform certificate serials:</translation>
    </message>
    <message>
        <source>WeChat Pay public key ID:</source>
        <translation>WeChat Pay public key ID:</translation>
    </message>
    <message>
        <source>Notify URL:</source>
        <translation>Notify URL:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Currency:</translation>
    </message>
    <message>
        <source>Device ID:</source>
        <translation>Device ID:</translation>
    </message>
    <message>
        <source>Store ID:</source>
        <translation>Store ID:</translation>
    </message>
    <message>
        <source>Mini-program AppID:</source>
        <translation>Mini-program AppID:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API address:</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>APIv2 sign type:</source>
        <translation>APIv2 sign type:</translation>
    </message>
    <message>
        <source>Access token from:</source>
        <translation>Access token from:</translation>
    </message>
    <message>
        <source>e.g. the shop&apos;s name</source>
        <translation>e.g. the shop&apos;s name</translation>
    </message>
    <message>
        <source>Made from the merchant ID if left empty</source>
        <translation>Made from the merchant ID if left empty</translation>
    </message>
    <message>
        <source>Leave empty for a direct merchant</source>
        <translation>Leave empty for a direct merchant</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Filled in by “Import keys…”</source>
        <translation>Filled in by “Import keys…”</translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation>Several: separate with commas</translation>
    </message>
    <message>
        <source>Optional, e.g. the till number</source>
        <translation>Optional, e.g. the till number</translation>
    </message>
    <message>
        <source>Leave empty to use WeChat Pay&apos;s own address</source>
        <translation>Leave empty to use WeChat Pay&apos;s own address</translation>
    </message>
    <message>
        <source>Import keys…</source>
        <translation>Import keys…</translation>
    </message>
    <message>
        <source>Save the profile first</source>
        <translation>Save the profile first</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Save profile</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::QrState</name>
    <message>
        <source>Paid ✓</source>
        <translation>Paid ✓</translation>
    </message>
    <message>
        <source>Order closed</source>
        <translation>Order closed</translation>
    </message>
    <message>
        <source>QR code expired</source>
        <translation>QR code expired</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::QrView</name>
    <message>
        <source>Expires in %1</source>
        <translation>Expires in %1</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation>Save QR code</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>Could not save the QR code to %1. Choose another folder.</source>
        <translation>Could not save the QR code to %1. Choose another folder.</translation>
    </message>
    <message>
        <source>Save QR…</source>
        <translation>Save QR…</translation>
    </message>
    <message>
        <source>Customer view</source>
        <translation>Customer view</translation>
    </message>
    <message>
        <source>Show the QR code full screen to the customer (on the second screen when there is one)</source>
        <translation>Show the QR code full screen to the customer (on the second screen when there is one)</translation>
    </message>
    <message>
        <source>No QR code yet</source>
        <translation>No QR code yet</translation>
    </message>
    <message>
        <source>Ask the customer to scan the code with WeChat.</source>
        <translation>Ask the customer to scan the code with WeChat.</translation>
    </message>
    <message>
        <source>Waiting for the customer to pay…</source>
        <translation>Waiting for the customer to pay…</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Order closed — do not take this payment</source>
        <translation>Order closed — do not take this payment</translation>
    </message>
    <message>
        <source>QR code expired — create a new order</source>
        <translation>QR code expired — create a new order</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::Screenshots</name>
    <message>
        <source>Sandbox shop</source>
        <translation>Sandbox shop</translation>
    </message>
    <message>
        <source>Flagship store, Nanjing Road</source>
        <translation>Flagship store, Nanjing Road</translation>
    </message>
    <message>
        <source>Hong Kong branch</source>
        <translation>Hong Kong branch</translation>
    </message>
    <message>
        <source>Airport kiosk</source>
        <translation>Airport kiosk</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::TakePaymentPanel</name>
    <message>
        <source>Take payment</source>
        <translation>Take payment</translation>
    </message>
    <message>
        <source>Amount to collect: %1</source>
        <translation>Amount to collect: %1</translation>
    </message>
    <message>
        <source>Amount (%1):</source>
        <translation>Amount (%1):</translation>
    </message>
    <message>
        <source>What WeChat Pay said about this payment:</source>
        <translation>What WeChat Pay said about this payment:</translation>
    </message>
    <message>
        <source>Creating the order…</source>
        <translation>Creating the order…</translation>
    </message>
    <message>
        <source>Waiting for the customer to scan and pay…</source>
        <translation>Waiting for the customer to scan and pay…</translation>
    </message>
    <message>
        <source>Closing the order…</source>
        <translation>Closing the order…</translation>
    </message>
    <message>
        <source>Paid.</source>
        <translation>Paid.</translation>
    </message>
    <message>
        <source>The order is closed: nothing was charged.</source>
        <translation>The order is closed: nothing was charged.</translation>
    </message>
    <message>
        <source>The QR code expired before the customer paid: nothing was charged.</source>
        <translation>The QR code expired before the customer paid: nothing was charged.</translation>
    </message>
    <message>
        <source>WeChat Pay did not create the order.</source>
        <translation>WeChat Pay did not create the order.</translation>
    </message>
    <message>
        <source>The order&apos;s outcome is unclear: look it up in Orders before taking the payment again.</source>
        <translation>The order&apos;s outcome is unclear: look it up in Orders before taking the payment again.</translation>
    </message>
    <message>
        <source>Waiting for the customer to enter their password…</source>
        <translation>Waiting for the customer to enter their password…</translation>
    </message>
    <message>
        <source>Checking with WeChat Pay whether the customer paid…</source>
        <translation>Checking with WeChat Pay whether the customer paid…</translation>
    </message>
    <message>
        <source>Cancelling the payment…</source>
        <translation>Cancelling the payment…</translation>
    </message>
    <message>
        <source>Sending the payment…</source>
        <translation>Sending the payment…</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAID</translation>
    </message>
    <message>
        <source>%1 received.</source>
        <translation>%1 received.</translation>
    </message>
    <message>
        <source>CHECK NEEDED</source>
        <translation>CHECK NEEDED</translation>
    </message>
    <message>
        <source>The outcome is unclear and can no longer be cancelled: look it up in Orders and refund it if the customer was charged.</source>
        <translation>The outcome is unclear and can no longer be cancelled: look it up in Orders and refund it if the customer was charged.</translation>
    </message>
    <message>
        <source>The outcome is unclear: look it up in Orders before taking the payment again.</source>
        <translation>The outcome is unclear: look it up in Orders before taking the payment again.</translation>
    </message>
    <message>
        <source>WeChat Pay declined the payment.</source>
        <translation>WeChat Pay declined the payment.</translation>
    </message>
    <message>
        <source>The payment failed on the customer&apos;s side: ask them to try again.</source>
        <translation>The payment failed on the customer&apos;s side: ask them to try again.</translation>
    </message>
    <message>
        <source>WeChat Pay did not create the payment: nothing was charged.</source>
        <translation>WeChat Pay did not create the payment: nothing was charged.</translation>
    </message>
    <message>
        <source>Cancelled: the payment was reversed, nothing was charged.</source>
        <translation>Cancelled: the payment was reversed, nothing was charged.</translation>
    </message>
    <message>
        <source>The customer did not confirm in time: the payment was reversed, nothing was charged.</source>
        <translation>The customer did not confirm in time: the payment was reversed, nothing was charged.</translation>
    </message>
    <message>
        <source>The payment was not sent.</source>
        <translation>The payment was not sent.</translation>
    </message>
    <message>
        <source>NOT PAID</source>
        <translation>NOT PAID</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation>Request-ID: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP status: %1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Message: %1</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Enter an amount greater than zero.</translation>
    </message>
    <message>
        <source>Enter a description of what the customer buys.</source>
        <translation>Enter a description of what the customer buys.</translation>
    </message>
    <message>
        <source>This is not a valid WeChat payment code: scan the code shown in the customer&apos;s WeChat.</source>
        <translation>This is not a valid WeChat payment code: scan the code shown in the customer&apos;s WeChat.</translation>
    </message>
    <message>
        <source>This payment code was already used: ask the customer to refresh it.</source>
        <translation>This payment code was already used: ask the customer to refresh it.</translation>
    </message>
    <message>
        <source>The customer&apos;s payment code has expired: ask them to refresh it.</source>
        <translation>The customer&apos;s payment code has expired: ask them to refresh it.</translation>
    </message>
    <message>
        <source>The customer&apos;s balance is not enough: ask them to pay with another card.</source>
        <translation>The customer&apos;s balance is not enough: ask them to pay with another card.</translation>
    </message>
    <message>
        <source>A payment is already running.</source>
        <translation>A payment is already running.</translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached: check the network connection.</source>
        <translation>WeChat Pay could not be reached: check the network connection.</translation>
    </message>
    <message>
        <source>WeChat Pay answered in an unexpected way.</source>
        <translation>WeChat Pay answered in an unexpected way.</translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s answer could not be verified.</source>
        <translation>WeChat Pay&apos;s answer could not be verified.</translation>
    </message>
    <message>
        <source>WeChat Pay refused: %1</source>
        <translation>WeChat Pay refused: %1</translation>
    </message>
    <message>
        <source>The local payment history could not be written.</source>
        <translation>The local payment history could not be written.</translation>
    </message>
    <message>
        <source>The merchant&apos;s keys could not be used: check the profile in Settings.</source>
        <translation>The merchant&apos;s keys could not be used: check the profile in Settings.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>This cannot be sent: %1</source>
        <translation>This cannot be sent: %1</translation>
    </message>
    <message>
        <source>Preparing the sandbox…</source>
        <translation>Preparing the sandbox…</translation>
    </message>
    <message>
        <source>Opening the merchant profile…</source>
        <translation>Opening the merchant profile…</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>QR code (customer scans)</source>
        <translation>QR code (customer scans)</translation>
    </message>
    <message>
        <source>Payment code (scan the customer)</source>
        <translation>Payment code (scan the customer)</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <source>Customer&apos;s payment code:</source>
        <translation>Customer&apos;s payment code:</translation>
    </message>
    <message>
        <source>Scan the code in the customer&apos;s WeChat; the payment starts when the scanner sends Enter.</source>
        <translation>Scan the code in the customer&apos;s WeChat; the payment starts when the scanner sends Enter.</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Close order</translation>
    </message>
    <message>
        <source>Customer scans and pays (sandbox)</source>
        <translation>Customer scans and pays (sandbox)</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>New payment</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>wxpay::workflows</name>
    <message>
        <source>WeChat could not be reached. Check the network and try again.</source>
        <translation>WeChat could not be reached. Check the network and try again.</translation>
    </message>
    <message>
        <source>The mini-program AppSecret is not set up in this profile.</source>
        <translation>The mini-program AppSecret is not set up in this profile.</translation>
    </message>
    <message>
        <source>The keychain could not be used: unlock it and try again.</source>
        <translation>The keychain could not be used: unlock it and try again.</translation>
    </message>
    <message>
        <source>The lookup is incomplete: it needs the payer&apos;s openid and the order.</source>
        <translation>The lookup is incomplete: it needs the payer&apos;s openid and the order.</translation>
    </message>
    <message>
        <source>WeChat&apos;s answer could not be understood. Try again later.</source>
        <translation>WeChat&apos;s answer could not be understood. Try again later.</translation>
    </message>
    <message>
        <source>WeChat refused the request: %1</source>
        <translation>WeChat refused the request: %1</translation>
    </message>
    <message>
        <source>WeChat is busy. Try again in a moment.</source>
        <translation>WeChat is busy. Try again in a moment.</translation>
    </message>
    <message>
        <source>WeChat did not accept the access token or the AppSecret. Check the mini-program AppSecret in the profile.</source>
        <translation>WeChat did not accept the access token or the AppSecret. Check the mini-program AppSecret in the profile.</translation>
    </message>
    <message>
        <source>This openid is not the payer&apos;s openid for this mini-program.</source>
        <translation>This openid is not the payer&apos;s openid for this mini-program.</translation>
    </message>
    <message>
        <source>The mini-program AppID is not valid.</source>
        <translation>The mini-program AppID is not valid.</translation>
    </message>
    <message>
        <source>The access token has expired. Get a new one and try again.</source>
        <translation>The access token has expired. Get a new one and try again.</translation>
    </message>
    <message>
        <source>This computer&apos;s IP address is not on the mini-program&apos;s IP allow-list.</source>
        <translation>This computer&apos;s IP address is not on the mini-program&apos;s IP allow-list.</translation>
    </message>
    <message>
        <source>No access token was sent.</source>
        <translation>No access token was sent.</translation>
    </message>
    <message>
        <source>The mini-program reached its daily limit for this call. Try again tomorrow.</source>
        <translation>The mini-program reached its daily limit for this call. Try again tomorrow.</translation>
    </message>
    <message>
        <source>Too many calls in a short time. Wait a minute and try again.</source>
        <translation>Too many calls in a short time. Wait a minute and try again.</translation>
    </message>
    <message>
        <source>This mini-program is not allowed to use this function.</source>
        <translation>This mini-program is not allowed to use this function.</translation>
    </message>
    <message>
        <source>The mini-program is not bound to a WeChat Open Platform account, so there is no unionid.</source>
        <translation>The mini-program is not bound to a WeChat Open Platform account, so there is no unionid.</translation>
    </message>
    <message>
        <source>No paid order matches, or more than 5 minutes have passed since the payment: the unionid can only be looked up within 5 minutes of paying.</source>
        <translation>No paid order matches, or more than 5 minutes have passed since the payment: the unionid can only be looked up within 5 minutes of paying.</translation>
    </message>
    <message>
        <source>WeChat answered with error %1: %2</source>
        <translation>WeChat answered with error %1: %2</translation>
    </message>
</context>
</TS>
