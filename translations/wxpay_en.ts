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
        <source>Unknown language "%1": use zh_CN or en.</source>
        <translation>Unknown language "%1": use zh_CN or en.</translation>
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
        <source>This certificate is not valid yet: check this computer's date and time.</source>
        <translation>This certificate is not valid yet: check this computer's date and time.</translation>
    </message>
    <message>
        <source>The file is not a usable .p12 certificate: choose apiclient_cert.p12.</source>
        <translation>The file is not a usable .p12 certificate: choose apiclient_cert.p12.</translation>
    </message>
    <message>
        <source>Wrong password for the .p12 file (WeChat Pay's default password is the merchant ID).</source>
        <translation>Wrong password for the .p12 file (WeChat Pay's default password is the merchant ID).</translation>
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
    <name>wxpay::ui::ErrorBox</name>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Enter an amount greater than zero.</translation>
    </message>
    <message>
        <source>Enter a description of what the customer buys.</source>
        <translation>Enter a description of what the customer buys.</translation>
    </message>
    <message>
        <source>This is not a valid WeChat payment code: scan the code shown in the customer's WeChat.</source>
        <translation>This is not a valid WeChat payment code: scan the code shown in the customer's WeChat.</translation>
    </message>
    <message>
        <source>This payment code was already used: ask the customer to refresh it.</source>
        <translation>This payment code was already used: ask the customer to refresh it.</translation>
    </message>
    <message>
        <source>The customer's payment code has expired: ask them to refresh it.</source>
        <translation>The customer's payment code has expired: ask them to refresh it.</translation>
    </message>
    <message>
        <source>The customer's balance is not enough: ask them to pay with another card.</source>
        <translation>The customer's balance is not enough: ask them to pay with another card.</translation>
    </message>
    <message>
        <source>Another copy of the console or wxpay-cli is using the order history: close it, then start the console again.</source>
        <translation>Another copy of the console or wxpay-cli is using the order history: close it, then start the console again.</translation>
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
        <source>WeChat Pay's answer could not be verified.</source>
        <translation>WeChat Pay's answer could not be verified.</translation>
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
        <source>The merchant's keys could not be used: check the profile in Settings.</source>
        <translation>The merchant's keys could not be used: check the profile in Settings.</translation>
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
        <source>Details</source>
        <translation>Details</translation>
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
        <source>Keys and certificates go only into this computer's system keychain. Choose what to import:</source>
        <translation>Keys and certificates go only into this computer's system keychain. Choose what to import:</translation>
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
        <source>The mini-program's AppSecret, for looking up a payer's UnionID (32 letters or digits).</source>
        <translation>The mini-program's AppSecret, for looking up a payer's UnionID (32 letters or digits).</translation>
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
    <name>wxpay::ui::LockScreen</name>
    <message>
        <source>Enter the manager PIN.</source>
        <translation>Enter the manager PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <source>Console locked</source>
        <translation>Console locked</translation>
    </message>
    <message>
        <source>Enter the manager PIN to unlock the console.</source>
        <translation>Enter the manager PIN to unlock the console.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
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
        <source>&lt;p&gt;&lt;b&gt;WeChat Pay Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer's UnionID, for one or several merchants.&lt;/p&gt;&lt;p&gt;Keys and certificates are kept only in this computer's system keychain. Orders are kept in a local history that works offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;WeChat Pay Console&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Take WeChat Pay payments by QR code or payment code, look orders up, refund them and find a payer's UnionID, for one or several merchants.&lt;/p&gt;&lt;p&gt;Keys and certificates are kept only in this computer's system keychain. Orders are kept in a local history that works offline.&lt;/p&gt;</translation>
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
    <message>
        <source>Set a manager PIN in Settings first: only the PIN opens a locked console.</source>
        <translation>Set a manager PIN in Settings first: only the PIN opens a locked console.</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished operation(s) of the last session were completed.</source>
        <translation>
            <numerusform>%n unfinished operation(s) of the last session were completed.</numerusform>
            <numerusform>%n unfinished operation(s) of the last session were completed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still need attention: look them up in Orders.</source>
        <translation>
            <numerusform>%n still need attention: look them up in Orders.</numerusform>
            <numerusform>%n still need attention: look them up in Orders.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lock console</source>
        <translation>&amp;Lock console</translation>
    </message>
    <message>
        <source>Merchant profiles</source>
        <translation>Merchant profiles</translation>
    </message>
    <message>
        <source>Manager PIN and lock</source>
        <translation>Manager PIN and lock</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) not settled yet</source>
        <translation>
            <numerusform>%n operation(s) not settled yet</numerusform>
            <numerusform>%n operation(s) not settled yet</numerusform>
        </translation>
    </message>
    <message>
        <source>(checked again at %1)</source>
        <translation>(checked again at %1)</translation>
    </message>
    <message>
        <source>Payments, refunds, closes or reverses whose outcome WeChat Pay has not confirmed yet. The console asks again by itself; look them up in Orders.</source>
        <translation>Payments, refunds, closes or reverses whose outcome WeChat Pay has not confirmed yet. The console asks again by itself; look them up in Orders.</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::ManagerPinBox</name>
    <message>
        <source>The manager PIN was changed.</source>
        <translation>The manager PIN was changed.</translation>
    </message>
    <message>
        <source>The manager PIN was set.</source>
        <translation>The manager PIN was set.</translation>
    </message>
    <message>
        <source>Enter the current manager PIN to remove it. Refunds will then no longer ask for a PIN.</source>
        <translation>Enter the current manager PIN to remove it. Refunds will then no longer ask for a PIN.</translation>
    </message>
    <message>
        <source>The PIN was not removed. %1</source>
        <translation>The PIN was not removed. %1</translation>
    </message>
    <message>
        <source>The manager PIN was removed.</source>
        <translation>The manager PIN was removed.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Choose a merchant profile first.</source>
        <translation>Choose a merchant profile first.</translation>
    </message>
    <message>
        <source>Whether a PIN is set cannot be read. %1</source>
        <translation>Whether a PIN is set cannot be read. %1</translation>
    </message>
    <message>
        <source>Reading the PIN settings…</source>
        <translation>Reading the PIN settings…</translation>
    </message>
    <message>
        <source>A manager PIN is set: refunds ask for it, and it unlocks a locked console.</source>
        <translation>A manager PIN is set: refunds ask for it, and it unlocks a locked console.</translation>
    </message>
    <message>
        <source>No manager PIN is set: anyone at this till can refund. Set one to guard refunds and to lock the console.</source>
        <translation>No manager PIN is set: anyone at this till can refund. Set one to guard refunds and to lock the console.</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Change PIN…</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>Set PIN…</translation>
    </message>
    <message>
        <source>Remove PIN…</source>
        <translation>Remove PIN…</translation>
    </message>
    <message>
        <source>Lock console</source>
        <translation>Lock console</translation>
    </message>
    <message>
        <source>Lock the console until the manager PIN is entered.</source>
        <translation>Lock the console until the manager PIN is entered.</translation>
    </message>
    <message>
        <source>Set a manager PIN first: it is what unlocks the console.</source>
        <translation>Set a manager PIN first: it is what unlocks the console.</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::OrderHistoryModel</name>
    <message>
        <source>Not confirmed yet</source>
        <translation>Not confirmed yet</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>Customer paying</source>
        <translation>Customer paying</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <source>Accepted, awaiting payment</source>
        <translation>Accepted, awaiting payment</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>WeChat Pay order number</source>
        <translation>WeChat Pay order number</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
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
        <translation>APIv3 Global (cross-border)</translation>
    </message>
    <message>
        <source>Hong Kong wallet</source>
        <translation>Hong Kong wallet</translation>
    </message>
    <message>
        <source>QR code (customer scans)</source>
        <translation>QR code (customer scans)</translation>
    </message>
    <message>
        <source>Payment code (Quick Pay)</source>
        <translation>Payment code (Quick Pay)</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Not confirmed yet</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Refund completed</source>
        <translation>Refund completed</translation>
    </message>
    <message>
        <source>Refund closed</source>
        <translation>Refund closed</translation>
    </message>
    <message>
        <source>Problem: check with WeChat Pay</source>
        <translation>Problem: check with WeChat Pay</translation>
    </message>
    <message>
        <source>Refunded to another account</source>
        <translation>Refunded to another account</translation>
    </message>
    <message>
        <source>QR code order created</source>
        <translation>QR code order created</translation>
    </message>
    <message>
        <source>Payment checked</source>
        <translation>Payment checked</translation>
    </message>
    <message>
        <source>QR code order closed</source>
        <translation>QR code order closed</translation>
    </message>
    <message>
        <source>Payment ended</source>
        <translation>Payment ended</translation>
    </message>
    <message>
        <source>Payment code sent</source>
        <translation>Payment code sent</translation>
    </message>
    <message>
        <source>Payment reversed</source>
        <translation>Payment reversed</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>Refund requested</translation>
    </message>
    <message>
        <source>Refund checked</source>
        <translation>Refund checked</translation>
    </message>
    <message>
        <source>Refund ended</source>
        <translation>Refund ended</translation>
    </message>
    <message>
        <source>Looked up at WeChat Pay</source>
        <translation>Looked up at WeChat Pay</translation>
    </message>
    <message>
        <source>Close requested</source>
        <translation>Close requested</translation>
    </message>
    <message>
        <source>Reverse requested</source>
        <translation>Reverse requested</translation>
    </message>
    <message>
        <source>UnionID looked up</source>
        <translation>UnionID looked up</translation>
    </message>
    <message>
        <source>Recognised as a WeChat Pay order number (transaction_id).</source>
        <translation>Recognised as a WeChat Pay order number (transaction_id).</translation>
    </message>
    <message>
        <source>Recognised as your order number (out_trade_no).</source>
        <translation>Recognised as your order number (out_trade_no).</translation>
    </message>
    <message>
        <source>Type or scan an order number first.</source>
        <translation>Type or scan an order number first.</translation>
    </message>
    <message>
        <source>“%1” is not an order number. A WeChat Pay order number (transaction_id) has 28 to 32 digits and starts with 4; your own order number (out_trade_no) has 6 to 32 letters, digits or _ - | *.</source>
        <translation>“%1” is not an order number. A WeChat Pay order number (transaction_id) has 28 to 32 digits and starts with 4; your own order number (out_trade_no) has 6 to 32 letters, digits or _ - | *.</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this order: check the number, and that the right merchant profile is in use.</source>
        <translation>WeChat Pay does not know this order: check the number, and that the right merchant profile is in use.</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>All profiles</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order(s)</numerusform>
            <numerusform>%n order(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in this computer's history: looking it up at WeChat Pay…</source>
        <translation>Not in this computer's history: looking it up at WeChat Pay…</translation>
    </message>
    <message>
        <source>Found at WeChat Pay and added to this computer's history.</source>
        <translation>Found at WeChat Pay and added to this computer's history.</translation>
    </message>
    <message>
        <source>Found at WeChat Pay; the history is up to date.</source>
        <translation>Found at WeChat Pay; the history is up to date.</translation>
    </message>
    <message>
        <source>The order %1 is not in this computer's history.</source>
        <translation>The order %1 is not in this computer's history.</translation>
    </message>
    <message>
        <source>Merchant profile:</source>
        <translation>Merchant profile:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <source>Order number (out_trade_no):</source>
        <translation>Order number (out_trade_no):</translation>
    </message>
    <message>
        <source>WeChat Pay order number (transaction_id):</source>
        <translation>WeChat Pay order number (transaction_id):</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>Paid by the customer:</source>
        <translation>Paid by the customer:</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>Payment method:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>WeChat Pay says:</source>
        <translation>WeChat Pay says:</translation>
    </message>
    <message>
        <source>Payer (openid):</source>
        <translation>Payer (openid):</translation>
    </message>
    <message>
        <source>Payer (unionid):</source>
        <translation>Payer (unionid):</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <source>Paid at:</source>
        <translation>Paid at:</translation>
    </message>
    <message>
        <source>Last checked with WeChat Pay:</source>
        <translation>Last checked with WeChat Pay:</translation>
    </message>
    <message>
        <source>Cashier:</source>
        <translation>Cashier:</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>Till:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Attached data:</source>
        <translation>Attached data:</translation>
    </message>
    <message>
        <source>Last problem:</source>
        <translation>Last problem:</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Checking the order with WeChat Pay…</source>
        <translation>Checking the order with WeChat Pay…</translation>
    </message>
    <message>
        <source>Checked with WeChat Pay: %1.</source>
        <translation>Checked with WeChat Pay: %1.</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Close order</translation>
    </message>
    <message>
        <source>Close the order %1 of %2? The customer can then no longer pay it.</source>
        <translation>Close the order %1 of %2? The customer can then no longer pay it.</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Keep it open</translation>
    </message>
    <message>
        <source>Reverse payment</source>
        <translation>Reverse payment</translation>
    </message>
    <message>
        <source>Reverse the order %1 of %2? An unfinished payment is cancelled; a completed one is given back to the customer.</source>
        <translation>Reverse the order %1 of %2? An unfinished payment is cancelled; a completed one is given back to the customer.</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>Keep the payment</source>
        <translation>Keep the payment</translation>
    </message>
    <message>
        <source>Closing the order…</source>
        <translation>Closing the order…</translation>
    </message>
    <message>
        <source>Reversing the payment…</source>
        <translation>Reversing the payment…</translation>
    </message>
    <message>
        <source>It could not be checked again afterwards: press Check again.</source>
        <translation>It could not be checked again afterwards: press Check again.</translation>
    </message>
    <message>
        <source>The order is closed: it can no longer be paid.</source>
        <translation>The order is closed: it can no longer be paid.</translation>
    </message>
    <message>
        <source>The payment is reversed: the money goes back to the customer.</source>
        <translation>The payment is reversed: the money goes back to the customer.</translation>
    </message>
    <message>
        <source>The payment is cancelled: nothing was charged.</source>
        <translation>The payment is cancelled: nothing was charged.</translation>
    </message>
    <message>
        <source>Nothing to do: the order had already ended without payment.</source>
        <translation>Nothing to do: the order had already ended without payment.</translation>
    </message>
    <message>
        <source>WeChat Pay asks for the reverse to be sent again: press Reverse again in a few seconds.</source>
        <translation>WeChat Pay asks for the reverse to be sent again: press Reverse again in a few seconds.</translation>
    </message>
    <message>
        <source>The order is paid, so it cannot be closed: refund it instead.</source>
        <translation>The order is paid, so it cannot be closed: refund it instead.</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>Export orders</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The orders could not be written to %1: choose another file.</source>
        <translation>The orders could not be written to %1: choose another file.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) written to %1.</source>
        <translation>
            <numerusform>%n order(s) written to %1.</numerusform>
            <numerusform>%n order(s) written to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>This order belongs to the profile “%1”: switch to that profile to act on it.</source>
        <translation>This order belongs to the profile “%1”: switch to that profile to act on it.</translation>
    </message>
    <message>
        <source>Ask WeChat Pay where the order stands and update the history.</source>
        <translation>Ask WeChat Pay where the order stands and update the history.</translation>
    </message>
    <message>
        <source>Close an unpaid order so that it can no longer be paid.</source>
        <translation>Close an unpaid order so that it can no longer be paid.</translation>
    </message>
    <message>
        <source>Reverse a payment-code (Quick Pay) payment: an unfinished one is cancelled, a completed one given back.</source>
        <translation>Reverse a payment-code (Quick Pay) payment: an unfinished one is cancelled, a completed one given back.</translation>
    </message>
    <message>
        <source>Refund all or part of a paid order.</source>
        <translation>Refund all or part of a paid order.</translation>
    </message>
    <message>
        <source>Look up the payer's UnionID (mini-program).</source>
        <translation>Look up the payer's UnionID (mini-program).</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Opening the order history…</source>
        <translation>Opening the order history…</translation>
    </message>
    <message>
        <source>Find an order:</source>
        <translation>Find an order:</translation>
    </message>
    <message>
        <source>WeChat Pay order number or your order number, then Enter</source>
        <translation>WeChat Pay order number or your order number, then Enter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>Amount from:</source>
        <translation>Amount from:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Description contains:</source>
        <translation>Description contains:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Close order…</source>
        <translation>Close order…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>Look up UnionID…</source>
        <translation>Look up UnionID…</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refund number</source>
        <translation>Refund number</translation>
    </message>
    <message>
        <source>WeChat Pay refund number</source>
        <translation>WeChat Pay refund number</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Request-ID</source>
        <translation>Request-ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::PinDialog</name>
    <message>
        <source>The manager PIN is 4 to 12 digits.</source>
        <translation>The manager PIN is 4 to 12 digits.</translation>
    </message>
    <message>
        <source>No manager PIN is set for this merchant profile.</source>
        <translation>No manager PIN is set for this merchant profile.</translation>
    </message>
    <message>
        <source>Enter the manager PIN.</source>
        <translation>Enter the manager PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>A manager PIN is needed for this.</source>
        <translation>A manager PIN is needed for this.</translation>
    </message>
    <message>
        <source>Manager PIN:</source>
        <translation>Manager PIN:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <source>The address must not contain a '?' part</source>
        <translation>The address must not contain a '?' part</translation>
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
        <source>Give the profile a name, such as the shop's name</source>
        <translation>Give the profile a name, such as the shop's name</translation>
    </message>
    <message>
        <source>The merchant ID is 6 to 20 digits</source>
        <translation>The merchant ID is 6 to 20 digits</translation>
    </message>
    <message>
        <source>An AppID is "wx" followed by 16 letters or digits</source>
        <translation>An AppID is "wx" followed by 16 letters or digits</translation>
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
        <source>cgi-bin/token (replaces other holders' token)</source>
        <translation>cgi-bin/token (replaces other holders' token)</translation>
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
        <source>Remove the profile “%1”? Its keys and certificates are deleted from this computer's keychain too. Orders already taken stay in the history.</source>
        <translation>Remove the profile “%1”? Its keys and certificates are deleted from this computer's keychain too. Orders already taken stay in the history.</translation>
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
        <source>e.g. the shop's name</source>
        <translation>e.g. the shop's name</translation>
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
        <source>Leave empty to use WeChat Pay's own address</source>
        <translation>Leave empty to use WeChat Pay's own address</translation>
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
    <message>
        <source>Asking WeChat Pay with this profile's keys…</source>
        <translation>Asking WeChat Pay with this profile's keys…</translation>
    </message>
    <message>
        <source>Connected: WeChat Pay accepted this profile's keys, and its answer was verified.</source>
        <translation>Connected: WeChat Pay accepted this profile's keys, and its answer was verified.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Checks the saved profile's keys with WeChat Pay</source>
        <translation>Checks the saved profile's keys with WeChat Pay</translation>
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
    <name>wxpay::ui::RefundsPanel</name>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>paid, with refunds</source>
        <translation>paid, with refunds</translation>
    </message>
    <message>
        <source>not paid yet</source>
        <translation>not paid yet</translation>
    </message>
    <message>
        <source>waiting for the customer's password</source>
        <translation>waiting for the customer's password</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>payment failed</source>
        <translation>payment failed</translation>
    </message>
    <message>
        <source>accepted, not paid yet</source>
        <translation>accepted, not paid yet</translation>
    </message>
    <message>
        <source>not confirmed by WeChat Pay</source>
        <translation>not confirmed by WeChat Pay</translation>
    </message>
    <message>
        <source>Being paid back</source>
        <translation>Being paid back</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Abnormal</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>At most %1 can still be refunded on this order.</source>
        <translation>At most %1 can still be refunded on this order.</translation>
    </message>
    <message>
        <source>Enter the merchant order number (out_trade_no) of the order to refund.</source>
        <translation>Enter the merchant order number (out_trade_no) of the order to refund.</translation>
    </message>
    <message>
        <source>Order %1 is not in this till's history: look it up in Orders first, then refund it here.</source>
        <translation>Order %1 is not in this till's history: look it up in Orders first, then refund it here.</translation>
    </message>
    <message>
        <source>Order %1 is %2: there is nothing to refund.</source>
        <translation>Order %1 is %2: there is nothing to refund.</translation>
    </message>
    <message>
        <source>Nothing is left to refund on this order.</source>
        <translation>Nothing is left to refund on this order.</translation>
    </message>
    <message>
        <source>Enter the amount to refund.</source>
        <translation>Enter the amount to refund.</translation>
    </message>
    <message>
        <source>Confirm refund</source>
        <translation>Confirm refund</translation>
    </message>
    <message>
        <source>Refund %1 of order %2 to the customer?</source>
        <translation>Refund %1 of order %2 to the customer?</translation>
    </message>
    <message>
        <source>Reason shown to the customer: %1</source>
        <translation>Reason shown to the customer: %1</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Refund %1</translation>
    </message>
    <message>
        <source>Don't refund</source>
        <translation>Don't refund</translation>
    </message>
    <message>
        <source>The manager PIN could not be checked, so the refund was not sent. %1</source>
        <translation>The manager PIN could not be checked, so the refund was not sent. %1</translation>
    </message>
    <message>
        <source>Enter the manager PIN to refund %1 of order %2.</source>
        <translation>Enter the manager PIN to refund %1 of order %2.</translation>
    </message>
    <message>
        <source>Asking WeChat Pay about the pending refunds (%1)…</source>
        <translation>Asking WeChat Pay about the pending refunds (%1)…</translation>
    </message>
    <message>
        <source>No refund is waiting for WeChat Pay.</source>
        <translation>No refund is waiting for WeChat Pay.</translation>
    </message>
    <message>
        <source>Pending refunds checked: %1. Refunded: %2. Still being paid back: %3. Closed or abnormal: %4.</source>
        <translation>Pending refunds checked: %1. Refunded: %2. Still being paid back: %3. Closed or abnormal: %4.</translation>
    </message>
    <message>
        <source>Order %1: %2, %3.</source>
        <translation>Order %1: %2, %3.</translation>
    </message>
    <message>
        <source>Refunded or being refunded: %1. Can still be refunded: %2.</source>
        <translation>Refunded or being refunded: %1. Can still be refunded: %2.</translation>
    </message>
    <message>
        <source>Sending the refund of %1 to WeChat Pay…</source>
        <translation>Sending the refund of %1 to WeChat Pay…</translation>
    </message>
    <message>
        <source>WeChat Pay accepted the refund and is paying %1 back to the customer…</source>
        <translation>WeChat Pay accepted the refund and is paying %1 back to the customer…</translation>
    </message>
    <message>
        <source>Refunded: %1 went back to the customer.</source>
        <translation>Refunded: %1 went back to the customer.</translation>
    </message>
    <message>
        <source>WeChat Pay closed the refund: nothing was paid back.</source>
        <translation>WeChat Pay closed the refund: nothing was paid back.</translation>
    </message>
    <message>
        <source>The refund is abnormal (for example the customer's card was cancelled): handle it at the WeChat Pay merchant platform.</source>
        <translation>The refund is abnormal (for example the customer's card was cancelled): handle it at the WeChat Pay merchant platform.</translation>
    </message>
    <message>
        <source>WeChat Pay refused the refund: nothing was paid back.</source>
        <translation>WeChat Pay refused the refund: nothing was paid back.</translation>
    </message>
    <message>
        <source>WeChat Pay refused the refund: %1</source>
        <translation>WeChat Pay refused the refund: %1</translation>
    </message>
    <message>
        <source>The refund is not settled yet. It is kept: use “Check all pending refunds” later.</source>
        <translation>The refund is not settled yet. It is kept: use “Check all pending refunds” later.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Opening the merchant profile…</source>
        <translation>Opening the merchant profile…</translation>
    </message>
    <message>
        <source>Merchant order number (out_trade_no):</source>
        <translation>Merchant order number (out_trade_no):</translation>
    </message>
    <message>
        <source>Scan or type the order number, then Enter</source>
        <translation>Scan or type the order number, then Enter</translation>
    </message>
    <message>
        <source>Show order</source>
        <translation>Show order</translation>
    </message>
    <message>
        <source>Refund amount (%1):</source>
        <translation>Refund amount (%1):</translation>
    </message>
    <message>
        <source>Reason (optional, shown to the customer):</source>
        <translation>Reason (optional, shown to the customer):</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>Latest refunds</source>
        <translation>Latest refunds</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Order (out_trade_no)</source>
        <translation>Order (out_trade_no)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Refund (out_refund_no)</source>
        <translation>Refund (out_refund_no)</translation>
    </message>
    <message>
        <source>Check all pending refunds</source>
        <translation>Check all pending refunds</translation>
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
    <message>
        <source>Returned one cup</source>
        <translation>Returned one cup</translation>
    </message>
</context>
<context>
    <name>wxpay::ui::SetPinDialog</name>
    <message>
        <source>The new PIN must be 4 to 12 digits.</source>
        <translation>The new PIN must be 4 to 12 digits.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same: type them again.</source>
        <translation>The two new PINs are not the same: type them again.</translation>
    </message>
    <message>
        <source>Enter the current PIN.</source>
        <translation>Enter the current PIN.</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>The current PIN is wrong.</translation>
    </message>
    <message>
        <source>Change the manager PIN</source>
        <translation>Change the manager PIN</translation>
    </message>
    <message>
        <source>Set a manager PIN</source>
        <translation>Set a manager PIN</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>Current PIN:</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <source>New PIN again:</source>
        <translation>New PIN again:</translation>
    </message>
    <message>
        <source>4 to 12 digits. Refunds ask for it, and it unlocks a locked console.</source>
        <translation>4 to 12 digits. Refunds ask for it, and it unlocks a locked console.</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Save PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <source>The order's outcome is unclear: look it up in Orders before taking the payment again.</source>
        <translation>The order's outcome is unclear: look it up in Orders before taking the payment again.</translation>
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
        <source>WeChat Pay declined the payment.</source>
        <translation>WeChat Pay declined the payment.</translation>
    </message>
    <message>
        <source>The payment failed on the customer's side: ask them to try again.</source>
        <translation>The payment failed on the customer's side: ask them to try again.</translation>
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
        <source>Customer's payment code:</source>
        <translation>Customer's payment code:</translation>
    </message>
    <message>
        <source>Scan the code in the customer's WeChat; the payment starts when the scanner sends Enter.</source>
        <translation>Scan the code in the customer's WeChat; the payment starts when the scanner sends Enter.</translation>
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
        <source>%1 received. It could no longer be reversed: refund it in Refunds if the sale is cancelled.</source>
        <translation>%1 received. It could no longer be reversed: refund it in Refunds if the sale is cancelled.</translation>
    </message>
    <message>
        <source>The outcome is unclear: look it up in Orders before taking the payment again. The console keeps asking WeChat Pay by itself.</source>
        <translation>The outcome is unclear: look it up in Orders before taking the payment again. The console keeps asking WeChat Pay by itself.</translation>
    </message>
    </context>
<context>
    <name>wxpay::ui::UnionIdPanel</name>
    <message>
        <source>Enter the payer's openid.</source>
        <translation>Enter the payer's openid.</translation>
    </message>
    <message>
        <source>Enter the WeChat Pay order number (transaction_id) of the payment.</source>
        <translation>Enter the WeChat Pay order number (transaction_id) of the payment.</translation>
    </message>
    <message>
        <source>Enter both the merchant ID and the merchant order number (out_trade_no).</source>
        <translation>Enter both the merchant ID and the merchant order number (out_trade_no).</translation>
    </message>
    <message>
        <source>Paste an access token of the mini-program.</source>
        <translation>Paste an access token of the mini-program.</translation>
    </message>
    <message>
        <source>UnionID look-up</source>
        <translation>UnionID look-up</translation>
    </message>
    <message>
        <source>Opening the merchant profile…</source>
        <translation>Opening the merchant profile…</translation>
    </message>
    <message>
        <source>This merchant profile has no mini-program AppID, so UnionIDs cannot be looked up here. Add the mini-program's AppID and AppSecret to the profile in Settings.</source>
        <translation>This merchant profile has no mini-program AppID, so UnionIDs cannot be looked up here. Add the mini-program's AppID and AppSecret to the profile in Settings.</translation>
    </message>
    <message>
        <source>Find the UnionID of a customer who paid in your mini-program: enter the payer's openid and the payment.</source>
        <translation>Find the UnionID of a customer who paid in your mini-program: enter the payer's openid and the payment.</translation>
    </message>
    <message>
        <source>WeChat answers only within 5 minutes after the payment: look the UnionID up right after the customer has paid.</source>
        <translation>WeChat answers only within 5 minutes after the payment: look the UnionID up right after the customer has paid.</translation>
    </message>
    <message>
        <source>Payer's openid:</source>
        <translation>Payer's openid:</translation>
    </message>
    <message>
        <source>Find the payment by:</source>
        <translation>Find the payment by:</translation>
    </message>
    <message>
        <source>WeChat Pay order number</source>
        <translation>WeChat Pay order number</translation>
    </message>
    <message>
        <source>Merchant ID and merchant order number</source>
        <translation>Merchant ID and merchant order number</translation>
    </message>
    <message>
        <source>WeChat Pay order number (transaction_id):</source>
        <translation>WeChat Pay order number (transaction_id):</translation>
    </message>
    <message>
        <source>Merchant ID (mch_id):</source>
        <translation>Merchant ID (mch_id):</translation>
    </message>
    <message>
        <source>Merchant order number (out_trade_no):</source>
        <translation>Merchant order number (out_trade_no):</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Access token:</translation>
    </message>
    <message>
        <source>This profile takes the mini-program's access token from you: paste a current one. It is used for this look-up only and is not stored.</source>
        <translation>This profile takes the mini-program's access token from you: paste a current one. It is used for this look-up only and is not stored.</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Asking WeChat…</source>
        <translation>Asking WeChat…</translation>
    </message>
    <message>
        <source>The payer's UnionID:</source>
        <translation>The payer's UnionID:</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Saved with the order in the history.</source>
        <translation>Saved with the order in the history.</translation>
    </message>
    <message>
        <source>This order is not in this computer's history, so the UnionID was not saved with it.</source>
        <translation>This order is not in this computer's history, so the UnionID was not saved with it.</translation>
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
        <source>The lookup is incomplete: it needs the payer's openid and the order.</source>
        <translation>The lookup is incomplete: it needs the payer's openid and the order.</translation>
    </message>
    <message>
        <source>WeChat's answer could not be understood. Try again later.</source>
        <translation>WeChat's answer could not be understood. Try again later.</translation>
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
        <source>This openid is not the payer's openid for this mini-program.</source>
        <translation>This openid is not the payer's openid for this mini-program.</translation>
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
        <source>This computer's IP address is not on the mini-program's IP allow-list.</source>
        <translation>This computer's IP address is not on the mini-program's IP allow-list.</translation>
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
    <message>
        <source>WeChat Pay refused the request because this computer's clock is wrong by more than 5 minutes. Set the date, time and time zone, then test again.</source>
        <translation>WeChat Pay refused the request because this computer's clock is wrong by more than 5 minutes. Set the date, time and time zone, then test again.</translation>
    </message>
    <message>
        <source>WeChat Pay does not know the merchant certificate serial of this profile: import the merchant API certificate again.</source>
        <translation>WeChat Pay does not know the merchant certificate serial of this profile: import the merchant API certificate again.</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request's signature: the API key, the merchant private key or the merchant certificate serial of this profile is wrong. Import the keys again from the merchant platform.</source>
        <translation>WeChat Pay refused the request's signature: the API key, the merchant private key or the merchant certificate serial of this profile is wrong. Import the keys again from the merchant platform.</translation>
    </message>
    <message>
        <source>WeChat Pay's answer is dated more than 5 minutes away from this computer's clock: set the date, time and time zone, then test again.</source>
        <translation>WeChat Pay's answer is dated more than 5 minutes away from this computer's clock: set the date, time and time zone, then test again.</translation>
    </message>
    <message>
        <source>WeChat Pay signed its answer with a certificate or public key this profile does not know: enter the WeChat Pay public key ID or update the platform certificates.</source>
        <translation>WeChat Pay signed its answer with a certificate or public key this profile does not know: enter the WeChat Pay public key ID or update the platform certificates.</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request's signature, and its answer could not be verified either: import the merchant keys and the WeChat Pay public key or platform certificate again.</source>
        <translation>WeChat Pay refused the request's signature, and its answer could not be verified either: import the merchant keys and the WeChat Pay public key or platform certificate again.</translation>
    </message>
    <message>
        <source>WeChat Pay's answer is about another merchant ID or AppID: check the API address of the profile.</source>
        <translation>WeChat Pay's answer is about another merchant ID or AppID: check the API address of the profile.</translation>
    </message>
    <message>
        <source>WeChat Pay's answer could not be verified: check the WeChat Pay public key or platform certificate (and, for APIv2, the API key) of this profile.</source>
        <translation>WeChat Pay's answer could not be verified: check the WeChat Pay public key or platform certificate (and, for APIv2, the API key) of this profile.</translation>
    </message>
    <message>
        <source>A key of this profile is missing from the system keychain: import the keys.</source>
        <translation>A key of this profile is missing from the system keychain: import the keys.</translation>
    </message>
    <message>
        <source>A key of this profile in the system keychain cannot be used: import it again.</source>
        <translation>A key of this profile in the system keychain cannot be used: import it again.</translation>
    </message>
    <message>
        <source>This profile has nothing to verify WeChat Pay's answers with: enter the WeChat Pay public key ID and import the public key, or import the APIv3 key so the platform certificates can be downloaded.</source>
        <translation>This profile has nothing to verify WeChat Pay's answers with: enter the WeChat Pay public key ID and import the public key, or import the APIv3 key so the platform certificates can be downloaded.</translation>
    </message>
    <message>
        <source>The merchant API certificate is missing: import it.</source>
        <translation>The merchant API certificate is missing: import it.</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access: unlock it and test again.</source>
        <translation>The system keychain is locked or refused access: unlock it and test again.</translation>
    </message>
    <message>
        <source>The merchant certificate serial is missing: import the merchant API certificate.</source>
        <translation>The merchant certificate serial is missing: import the merchant API certificate.</translation>
    </message>
    <message>
        <source>The API address of this profile is not a valid address: correct it or leave it empty.</source>
        <translation>The API address of this profile is not a valid address: correct it or leave it empty.</translation>
    </message>
    <message>
        <source>The API address must start with https:// (plain http is only for the local sandbox).</source>
        <translation>The API address must start with https:// (plain http is only for the local sandbox).</translation>
    </message>
    <message>
        <source>A connection test is already running.</source>
        <translation>A connection test is already running.</translation>
    </message>
    <message>
        <source>This profile is incomplete: check its fields in Settings.</source>
        <translation>This profile is incomplete: check its fields in Settings.</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this merchant ID: check the merchant ID of the profile.</source>
        <translation>WeChat Pay does not know this merchant ID: check the merchant ID of the profile.</translation>
    </message>
    <message>
        <source>The AppID does not belong to this merchant ID: check both in the profile.</source>
        <translation>The AppID does not belong to this merchant ID: check both in the profile.</translation>
    </message>
    <message>
        <source>This merchant ID may not use this API: check the products enabled on the merchant platform, or choose the API family the merchant signed up for.</source>
        <translation>This merchant ID may not use this API: check the products enabled on the merchant platform, or choose the API family the merchant signed up for.</translation>
    </message>
    <message>
        <source>WeChat Pay is busy: test again in a moment.</source>
        <translation>WeChat Pay is busy: test again in a moment.</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request (%1).</source>
        <translation>WeChat Pay refused the request (%1).</translation>
    </message>
    <message>
        <source>WeChat Pay refused the request: %1</source>
        <translation>WeChat Pay refused the request: %1</translation>
    </message>
    <message>
        <source>The platform certificates could not be decrypted: the APIv3 key of this profile is wrong. Import it again.</source>
        <translation>The platform certificates could not be decrypted: the APIv3 key of this profile is wrong. Import it again.</translation>
    </message>
    <message>
        <source>No secure connection to WeChat Pay could be made: check the API address, this computer's date and time, and any proxy that inspects HTTPS.</source>
        <translation>No secure connection to WeChat Pay could be made: check the API address, this computer's date and time, and any proxy that inspects HTTPS.</translation>
    </message>
    <message>
        <source>WeChat Pay did not answer in time: check the network connection and the proxy settings, then test again.</source>
        <translation>WeChat Pay did not answer in time: check the network connection and the proxy settings, then test again.</translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached: check the network connection, the proxy settings and the API address of the profile.</source>
        <translation>WeChat Pay could not be reached: check the network connection, the proxy settings and the API address of the profile.</translation>
    </message>
    <message>
        <source>WeChat Pay had a problem (HTTP %1): test again later.</source>
        <translation>WeChat Pay had a problem (HTTP %1): test again later.</translation>
    </message>
    <message>
        <source>The server at the API address did not answer like WeChat Pay (HTTP %1): check the API address of the profile.</source>
        <translation>The server at the API address did not answer like WeChat Pay (HTTP %1): check the API address of the profile.</translation>
    </message>
    <message>
        <source>The answer could not be read as WeChat Pay's: check the API address of the profile.</source>
        <translation>The answer could not be read as WeChat Pay's: check the API address of the profile.</translation>
    </message>
    <message>
        <source>The local settings could not be read: test again.</source>
        <translation>The local settings could not be read: test again.</translation>
    </message>
    <message>
        <source>The connection test was cancelled.</source>
        <translation>The connection test was cancelled.</translation>
    </message>
    <message>
        <source>The connection test failed.</source>
        <translation>The connection test failed.</translation>
    </message>
</context>
</TS>
