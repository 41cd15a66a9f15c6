// wxpay-cli profile add|list|show|remove|import-keys|select

#include "cli.h"
#include "commands.h"
#include "crypto/crypto.h"
#include "exitcodes.h"
#include "format.h"
#include "workflows/managerpin.h"

#include <QFile>
#include <QJsonArray>

#include <memory>

namespace wxpay::cli {

using credentials::MerchantProfile;
using credentials::SecretKind;

namespace {

QString profileHelp()
{
    return Tr::tr("Usage: wxpay-cli profile <add|list|show|remove|import-keys|select> [options]\n"
                  "\n"
                  "  profile add ID --name NAME --mchid MCHID --appid APPID [--family v2|v3|global|hk] ...\n"
                  "  profile list\n"
                  "  profile show [ID]             everything but the secrets (it says which are stored)\n"
                  "  profile remove ID             the profile, its secrets and its trusted keys\n"
                  "  profile import-keys [ID] ...  keys and certificates into the keychain\n"
                  "  profile select ID             the profile commands use when --profile is not given\n"
                  "\n"
                  "`wxpay-cli profile <verb> --help` describes each.\n");
}

// A secret from a file, or from standard input for "-".
Result<QByteArray> readSecretFile(const QString& path)
{
    if (path != u"-")
        return credentials::readImportFile(path);
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return Error::input(QStringLiteral("FILE_UNREADABLE"), Tr::tr("cannot read standard input"));
    return input.readAll();
}

QString currentOr(Cli& cli, const QStringList& positional)
{
    if (!positional.isEmpty())
        return positional.constFirst();
    return cli.profileOption().isEmpty() ? cli.profiles().currentProfileId() : cli.profileOption();
}

QJsonObject profileJson(const MerchantProfile& p)
{
    QJsonObject json { { QStringLiteral("id"), p.id }, { QStringLiteral("name"), p.displayName },
        { QStringLiteral("family"), apiFamilyName(p.family) },
        { QStringLiteral("region"), credentials::regionName(p.region) }, { QStringLiteral("mchid"), p.mchid },
        { QStringLiteral("appid"), p.appid }, { QStringLiteral("currency"), p.defaultCurrency },
        { QStringLiteral("sandbox"), p.sandbox }, { QStringLiteral("base_url"), p.baseUrl().toString() } };
    const auto put = [&json](const char* key, const QString& value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    put("sub_mchid", p.subMchid);
    put("sub_appid", p.subAppid);
    put("merchant_certificate_serial", p.merchantCertificateSerial);
    put("public_key_id", p.publicKeyId);
    put("notify_url", p.notifyUrl.toString());
    put("device_id", p.deviceId);
    put("store_id", p.storeId);
    put("miniprogram_appid", p.miniProgramAppid);
    if (!p.platformSerials.isEmpty())
        json.insert(QStringLiteral("platform_serials"), QJsonArray::fromStringList(p.platformSerials));
    if (p.family == ApiFamily::V2)
        json.insert(QStringLiteral("v2_sign_type"), credentials::v2SignTypeName(p.v2SignType));
    if (!p.miniProgramAppid.isEmpty())
        json.insert(QStringLiteral("token_source"), credentials::tokenSourceName(p.tokenSource));
    return json;
}

void runAdd(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Add a merchant profile (or replace one with --replace). Secrets are "
                                            "not given here: see `profile import-keys`."));
    const QCommandLineOption name(QStringLiteral("name"), Tr::tr("Display name."), Tr::tr("text"));
    const QCommandLineOption family(QStringLiteral("family"),
        Tr::tr("API family: v2 (XML), v3 (domestic APIv3), global (/v3/global), hk (/hk/v3). Default v3."),
        Tr::tr("family"));
    const QCommandLineOption region(QStringLiteral("region"),
        Tr::tr("CN (api.mch.weixin.qq.com) or HK (apihk). Default: HK for global and hk, else CN."), Tr::tr("region"));
    const QCommandLineOption mchid(
        QStringLiteral("mchid"), Tr::tr("Merchant id (sp_mchid for a service provider)."), Tr::tr("digits"));
    const QCommandLineOption appid(
        QStringLiteral("appid"), Tr::tr("AppID (sp_appid for a service provider)."), Tr::tr("appid"));
    const QCommandLineOption subMchid(
        QStringLiteral("sub-mchid"), Tr::tr("Sub-merchant id (service-provider mode)."), Tr::tr("digits"));
    const QCommandLineOption subAppid(QStringLiteral("sub-appid"), Tr::tr("Sub-merchant AppID."), Tr::tr("appid"));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
        Tr::tr("API host instead of the region's (https, or http to loopback only)."), Tr::tr("url"));
    const QCommandLineOption notifyUrl(QStringLiteral("notify-url"), Tr::tr("Payment notify URL."), Tr::tr("url"));
    const QCommandLineOption currency(QStringLiteral("currency"),
        Tr::tr("Default currency (ISO 4217). Default: HKD in the HK region, else CNY."), Tr::tr("code"));
    const QCommandLineOption deviceId(QStringLiteral("device-id"), Tr::tr("Device id sent with orders."), Tr::tr("id"));
    const QCommandLineOption storeId(QStringLiteral("store-id"), Tr::tr("Store id (APIv3 Quick Pay)."), Tr::tr("id"));
    const QCommandLineOption signType(
        QStringLiteral("sign-type"), Tr::tr("APIv2 sign type: MD5 (default) or HMAC-SHA256."), Tr::tr("type"));
    const QCommandLineOption miniAppid(QStringLiteral("miniprogram-appid"),
        Tr::tr("Mini-program AppID for `unionid` (getpaidunionid)."), Tr::tr("appid"));
    const QCommandLineOption tokenSource(QStringLiteral("token-source"),
        Tr::tr("Where the mini-program access token comes from: stable_token (default), cgi_bin_token or operator."),
        Tr::tr("source"));
    const QCommandLineOption publicKeyId(QStringLiteral("public-key-id"),
        Tr::tr("WeChat Pay public key id (PUB_KEY_ID_...); import the key with `import-keys --wechatpay-public-key`."),
        Tr::tr("id"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), Tr::tr("Mark the profile as a sandbox profile."));
    const QCommandLineOption replace(
        QStringLiteral("replace"), Tr::tr("Replace an existing profile of this id (unnamed fields are kept)."));
    const QCommandLineOption select(QStringLiteral("select"), Tr::tr("Make it the current profile."));
    parser.addOptions({ name, family, region, mchid, appid, subMchid, subAppid, baseUrl, notifyUrl, currency, deviceId,
        storeId, signType, miniAppid, tokenSource, publicKeyId, sandbox, replace, select });
    parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("Profile id: 1-64 of a-z, 0-9, - and _."));
    if (!cli.parse(parser, arguments,
            QStringLiteral("profile add ID --name NAME --mchid MCHID --appid APPID [options]"),
            Tr::tr("Example:\n  wxpay-cli profile add shop --name \"Shop 1\" --family v3 --mchid 1900000109 "
                   "--appid wxd678efh567hg6787 --notify-url https://example.com/notify\n")))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        cli.failUsage(
            Tr::tr("profile add wants one profile id") + u'\n' + Cli::helpHint(QStringLiteral("profile add")));
        return;
    }
    const QString id = positional.constFirst();
    MerchantProfile p;
    const bool exists = cli.profiles().contains(id);
    if (exists && !parser.isSet(replace)) {
        cli.failUsage(Tr::tr("profile \"%1\" exists already: pass --replace to change it").arg(id));
        return;
    }
    if (exists) {
        auto stored = cli.profiles().get(id);
        if (stored)
            p = stored.value();
    }
    p.id = id;
    if (parser.isSet(family)) {
        const auto parsed = apiFamilyFromName(parser.value(family));
        if (!parsed) {
            cli.failUsage(Tr::tr("unknown --family \"%1\": use v2, v3, global or hk").arg(parser.value(family)));
            return;
        }
        p.family = *parsed;
    }
    const bool hkFamily = p.family == ApiFamily::Global || p.family == ApiFamily::HkV3;
    if (parser.isSet(region)) {
        const auto parsed = credentials::regionFromName(parser.value(region));
        if (!parsed) {
            cli.failUsage(Tr::tr("unknown --region \"%1\": use CN or HK").arg(parser.value(region)));
            return;
        }
        p.region = *parsed;
    } else if (!exists) {
        p.region = hkFamily ? credentials::Region::HK : credentials::Region::CN;
    }
    if (parser.isSet(signType)) {
        const auto parsed = credentials::v2SignTypeFromName(parser.value(signType));
        if (!parsed) {
            cli.failUsage(Tr::tr("unknown --sign-type \"%1\": use MD5 or HMAC-SHA256").arg(parser.value(signType)));
            return;
        }
        p.v2SignType = *parsed;
    }
    if (parser.isSet(tokenSource)) {
        const auto parsed = credentials::tokenSourceFromName(parser.value(tokenSource));
        if (!parsed) {
            cli.failUsage(Tr::tr("unknown --token-source \"%1\": use stable_token, cgi_bin_token or operator")
                              .arg(parser.value(tokenSource)));
            return;
        }
        p.tokenSource = *parsed;
    }
    const auto text = [&parser](const QCommandLineOption& option, QString& target) {
        if (parser.isSet(option))
            target = parser.value(option);
    };
    text(name, p.displayName);
    text(mchid, p.mchid);
    text(appid, p.appid);
    text(subMchid, p.subMchid);
    text(subAppid, p.subAppid);
    text(deviceId, p.deviceId);
    text(storeId, p.storeId);
    text(miniAppid, p.miniProgramAppid);
    text(publicKeyId, p.publicKeyId);
    if (parser.isSet(currency))
        p.defaultCurrency = parser.value(currency).toUpper();
    else if (!exists)
        p.defaultCurrency = p.region == credentials::Region::HK ? QStringLiteral("HKD") : QStringLiteral("CNY");
    if (parser.isSet(baseUrl))
        p.baseUrlOverride = QUrl(parser.value(baseUrl), QUrl::StrictMode);
    if (parser.isSet(notifyUrl))
        p.notifyUrl = QUrl(parser.value(notifyUrl), QUrl::StrictMode);
    if (parser.isSet(sandbox))
        p.sandbox = true;
    if (p.displayName.isEmpty())
        p.displayName = id;

    if (const Status saved = cli.profiles().save(p); !saved) {
        cli.fail(saved.error());
        return;
    }
    const bool makeCurrent = parser.isSet(select) || cli.profiles().currentProfileId().isEmpty();
    if (makeCurrent) {
        if (const Status selected = cli.profiles().setCurrentProfileId(id); !selected) {
            cli.fail(selected.error());
            return;
        }
    }
    cli.out().set(QStringLiteral("profile"), profileJson(p));
    cli.out().set(QStringLiteral("current"), makeCurrent);
    cli.finish(kExitOk,
        (exists ? Tr::tr("Profile \"%1\" replaced.") : Tr::tr("Profile \"%1\" added.")).arg(id)
            + (makeCurrent ? u' ' + Tr::tr("It is the current profile.") : QString()) + u'\n'
            + Tr::tr("Next: wxpay-cli profile import-keys %1 ...").arg(id));
}

void runList(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("List the merchant profiles; * marks the current one."));
    if (!cli.parse(parser, arguments, QStringLiteral("profile list [options]"), {}))
        return;
    const QList<MerchantProfile> list = cli.profiles().list();
    const QString current = cli.profiles().currentProfileId();
    QJsonArray json;
    for (const MerchantProfile& p : list) {
        QJsonObject entry = profileJson(p);
        entry.insert(QStringLiteral("current"), p.id == current);
        json.append(entry);
        cli.out().print(QStringLiteral("%1 %2 %3 %4 %5%6")
                            .arg(QString(p.id == current ? u'*' : u' '))
                            .arg(p.id, -20)
                            .arg(apiFamilyName(p.family), -7)
                            .arg(p.mchid, -12)
                            .arg(p.displayName, p.sandbox ? u"  [" + Tr::tr("sandbox") + u']' : QString()));
    }
    if (list.isEmpty())
        cli.out().print(Tr::tr("No profiles. Add one with `wxpay-cli profile add`, or run `wxpay-cli sandbox`."));
    cli.out().set(QStringLiteral("profiles"), json);
    cli.out().set(QStringLiteral("current"), current);
    cli.finish(kExitOk);
}

void runShow(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Show a profile: its settings, which secrets the keychain holds for it "
                                            "(never their values) and what it trusts."));
    parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("Profile id (default: --profile or the current one)."));
    if (!cli.parse(parser, arguments, QStringLiteral("profile show [ID] [options]"), {}))
        return;
    const QString id = currentOr(cli, parser.positionalArguments());
    if (id.isEmpty()) {
        cli.failUsage(Tr::tr("no profile named and none is current"));
        return;
    }
    auto profile = cli.profiles().get(id);
    if (!profile) {
        cli.fail(profile.error());
        return;
    }
    const MerchantProfile& p = profile.value();
    QJsonObject json = profileJson(p);
    json.insert(QStringLiteral("current"), cli.profiles().currentProfileId() == p.id);
    QJsonObject secrets;
    QStringList stored;
    for (SecretKind kind : credentials::allSecretKinds()) {
        const bool present = cli.keychain().indexedEntryCount(credentials::secretKey(p.id, kind)) > 0;
        secrets.insert(credentials::secretKindName(kind), present);
        if (present)
            stored << credentials::secretKindName(kind);
    }
    json.insert(QStringLiteral("secrets"), secrets);
    const app::TrustMaterial trust = cli.trust().read(p.id);
    json.insert(QStringLiteral("trust"),
        QJsonObject { { QStringLiteral("ca_certificates"), trust.caCertificates.size() },
            { QStringLiteral("wechatpay_public_key"), !trust.wechatPayPublicKeyPem.isEmpty() },
            { QStringLiteral("platform_certificates"), trust.platformCertificatePems.size() } });
    cli.out().set(QStringLiteral("profile"), json);

    Output& out = cli.out();
    out.print(p.displayName + (p.sandbox ? u"  [" + Tr::tr("sandbox") + u']' : QString()));
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (it->isString() || it->isBool())
            out.print(field(it.key(), it->isBool() ? (it->toBool() ? Tr::tr("yes") : Tr::tr("no")) : it->toString()));
        else if (it->isArray())
            out.print(field(it.key(), it->toVariant().toStringList().join(u", ")));
    }
    out.print(field(QStringLiteral("secrets"), stored.isEmpty() ? Tr::tr("none stored") : stored.join(u", ")));
    out.print(field(QStringLiteral("trust"),
        Tr::tr("%1 CA certificate(s), %2 platform certificate(s), WeChat Pay public key: %3")
            .arg(trust.caCertificates.size())
            .arg(trust.platformCertificatePems.size())
            .arg(trust.wechatPayPublicKeyPem.isEmpty() ? Tr::tr("no") : Tr::tr("yes"))));
    cli.finish(kExitOk);
}

void runRemove(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Remove a profile: its secrets from the keychain first, then the profile and what it trusts. The "
               "history keeps its orders."));
    parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("Profile id."));
    if (!cli.parse(parser, arguments, QStringLiteral("profile remove ID [options]"), {}))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        cli.failUsage(Tr::tr("profile remove wants one profile id"));
        return;
    }
    const QString id = positional.constFirst();
    if (!cli.profiles().contains(id)) {
        cli.fail(Error::input(QStringLiteral("PROFILE_NOT_FOUND"), Tr::tr("no merchant profile \"%1\"").arg(id)));
        return;
    }
    cli.profiles().remove(id, &cli, [&cli, id](Status removed) {
        if (!removed) {
            cli.fail(removed.error());
            return;
        }
        if (const Status untrusted = cli.trust().remove(id); !untrusted) {
            cli.fail(untrusted.error());
            return;
        }
        cli.out().set(QStringLiteral("removed"), id);
        cli.finish(kExitOk, Tr::tr("Profile \"%1\" removed.").arg(id));
    });
}

void runSelect(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Choose the profile commands use when --profile is not given."));
    parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("Profile id."));
    if (!cli.parse(parser, arguments, QStringLiteral("profile select ID [options]"), {}))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        cli.failUsage(Tr::tr("profile select wants one profile id"));
        return;
    }
    if (const Status selected = cli.profiles().setCurrentProfileId(positional.constFirst()); !selected) {
        cli.fail(selected.error());
        return;
    }
    cli.out().set(QStringLiteral("current"), positional.constFirst());
    cli.finish(kExitOk, Tr::tr("Current profile: %1").arg(positional.constFirst()));
}

// import-keys runs its steps one after another; the first failure ends the command.
struct ImportJob
{
    using Step = std::function<void(std::function<void()> next)>;
    QList<Step> steps;
    QJsonArray imported;
    QStringList lines;

    static void run(Cli& cli, std::shared_ptr<ImportJob> job, qsizetype index)
    {
        if (cli.isFinished())
            return;
        if (index == job->steps.size()) {
            cli.out().set(QStringLiteral("imported"), job->imported);
            cli.finish(kExitOk, job->lines.join(u'\n'));
            return;
        }
        job->steps.at(index)([&cli, job, index] { run(cli, job, index + 1); });
    }
};

void runImportKeys(Cli& cli, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Import a profile's keys. Secrets go to the OS keychain only; files are read once and never copied. Each "
        "file option takes a path, or - for standard input (one option at a time). Everything is checked before "
        "anything is stored."));
    const QCommandLineOption key(
        QStringLiteral("key"), Tr::tr("APIv3: apiclient_key.pem (with --cert)."), Tr::tr("file"));
    const QCommandLineOption cert(QStringLiteral("cert"),
        Tr::tr("APIv3: apiclient_cert.pem (with --key); sets the certificate serial."), Tr::tr("file"));
    const QCommandLineOption p12(QStringLiteral("p12"),
        Tr::tr("APIv2: apiclient_cert.p12, the client certificate for reverse and refund."), Tr::tr("file"));
    const QCommandLineOption p12Password(QStringLiteral("p12-password-file"),
        Tr::tr("The .p12 password (default: the merchant id, as WeChat issues them)."), Tr::tr("file"));
    const QCommandLineOption apiV2(
        QStringLiteral("apiv2-key-file"), Tr::tr("The 32-character APIv2 key."), Tr::tr("file"));
    const QCommandLineOption apiV3(QStringLiteral("apiv3-key-file"), Tr::tr("The 32-byte APIv3 key."), Tr::tr("file"));
    const QCommandLineOption appSecret(
        QStringLiteral("app-secret-file"), Tr::tr("The mini-program AppSecret (for `unionid`)."), Tr::tr("file"));
    const QCommandLineOption publicKey(QStringLiteral("wechatpay-public-key"),
        Tr::tr("WeChat Pay public key (PEM) that verifies APIv3 replies; with --public-key-id unless the profile has "
               "one."),
        Tr::tr("file"));
    const QCommandLineOption publicKeyId(
        QStringLiteral("public-key-id"), Tr::tr("The id of that key (PUB_KEY_ID_...)."), Tr::tr("id"));
    const QCommandLineOption platform(QStringLiteral("platform-certificate"),
        Tr::tr("A WeChat Pay platform certificate (PEM) that verifies APIv3 replies (repeatable). Without any, it is "
               "downloaded with the APIv3 key on first use."),
        Tr::tr("file"));
    const QCommandLineOption ca(QStringLiteral("ca-certificate"),
        Tr::tr("A CA certificate (PEM) to trust for the API host instead of the system's (test servers)."),
        Tr::tr("file"));
    const QCommandLineOption pin(QStringLiteral("manager-pin-file"),
        Tr::tr("Set the manager PIN (4-12 digits) that `refund create` then asks for."), Tr::tr("file"));
    parser.addOptions(
        { key, cert, p12, p12Password, apiV2, apiV3, appSecret, publicKey, publicKeyId, platform, ca, pin });
    parser.addPositionalArgument(QStringLiteral("ID"), Tr::tr("Profile id (default: --profile or the current one)."));
    if (!cli.parse(parser, arguments, QStringLiteral("profile import-keys [ID] [options]"),
            Tr::tr(
                "Examples:\n"
                "  wxpay-cli profile import-keys shop --key apiclient_key.pem --cert apiclient_cert.pem \\\n"
                "      --apiv3-key-file apiv3.txt --wechatpay-public-key pub_key.pem --public-key-id "
                "PUB_KEY_ID_0112...\n"
                "  wxpay-cli profile import-keys shop-v2 --p12 apiclient_cert.p12 --apiv2-key-file - < apiv2.txt\n")))
        return;
    const QString id = currentOr(cli, parser.positionalArguments());
    auto stored = cli.profiles().get(id);
    if (id.isEmpty() || !stored) {
        cli.fail(id.isEmpty()
                ? Error::input(QStringLiteral("NO_PROFILE"), Tr::tr("no profile named and none is current"))
                : stored.error());
        return;
    }
    MerchantProfile profile = stored.value();
    const QList<const QCommandLineOption*> fileOptions { &key, &cert, &p12, &p12Password, &apiV2, &apiV3, &appSecret,
        &publicKey, &ca, &pin };
    int fromStdin = 0;
    bool anything = parser.isSet(platform);
    for (const QCommandLineOption* option : fileOptions) {
        anything = anything || parser.isSet(*option);
        fromStdin += parser.isSet(*option) && parser.value(*option) == u"-" ? 1 : 0;
    }
    if (!anything) {
        cli.failUsage(Tr::tr("nothing to import") + u'\n' + Cli::helpHint(QStringLiteral("profile import-keys")));
        return;
    }
    if (fromStdin > 1) {
        cli.failUsage(Tr::tr("only one file option can read standard input"));
        return;
    }
    if (parser.isSet(key) != parser.isSet(cert)) {
        cli.failUsage(Tr::tr("--key and --cert go together"));
        return;
    }
    if (parser.isSet(p12Password) && !parser.isSet(p12)) {
        cli.failUsage(Tr::tr("--p12-password-file needs --p12"));
        return;
    }

    // Read and check everything first: a bad file stores nothing.
    const auto readFile = [&parser](const QCommandLineOption& option) -> Result<QByteArray> {
        return readSecretFile(parser.value(option));
    };
    const QDateTime now = cli.clock().now();
    std::optional<credentials::CheckedKeyPair> pemPair;
    if (parser.isSet(key)) {
        auto keyPem = readFile(key);
        auto certPem = keyPem ? readFile(cert) : Result<QByteArray>(keyPem.error());
        auto checked = certPem ? credentials::checkPemKeyPair(keyPem.value(), certPem.value(), now)
                               : Result<credentials::CheckedKeyPair>(certPem.error());
        if (!checked) {
            cli.fail(checked.error());
            return;
        }
        pemPair = std::move(checked).value();
    }
    QByteArray p12Der;
    std::optional<QByteArray> p12Pass;
    if (parser.isSet(p12)) {
        auto der = readFile(p12);
        if (!der) {
            cli.fail(der.error());
            return;
        }
        p12Der = der.value();
        if (parser.isSet(p12Password)) {
            auto password = readFile(p12Password);
            if (!password) {
                cli.fail(password.error());
                return;
            }
            p12Pass = password.value().trimmed();
        }
    }
    struct SecretText
    {
        const QCommandLineOption* option;
        QByteArray value;
    };
    QList<SecretText> texts;
    for (const QCommandLineOption* option : { &apiV2, &apiV3, &appSecret, &pin }) {
        if (!parser.isSet(*option))
            continue;
        auto value = readFile(*option);
        if (!value) {
            cli.fail(value.error());
            return;
        }
        const QByteArray trimmed = value.value().trimmed();
        Status valid;
        if (option == &apiV2)
            valid = credentials::checkApiV2Key(QString::fromUtf8(trimmed));
        else if (option == &apiV3)
            valid = credentials::checkApiV3Key(trimmed);
        else if (option == &appSecret)
            valid = credentials::checkAppSecret(QString::fromUtf8(trimmed));
        else
            valid = workflows::ManagerPin::validate(QString::fromUtf8(trimmed));
        if (!valid) {
            cli.fail(valid.error());
            return;
        }
        texts.append({ option, trimmed });
    }
    app::TrustMaterial trust = cli.trust().read(id);
    bool trustChanged = false;
    bool profileChanged = false;
    if (parser.isSet(publicKey)) {
        auto pem = readFile(publicKey);
        auto parsed = pem ? crypto::PublicKey::fromPem(pem.value()) : Result<crypto::PublicKey>(pem.error());
        if (!parsed) {
            cli.fail(parsed.error());
            return;
        }
        if (parser.isSet(publicKeyId)) {
            profile.publicKeyId = parser.value(publicKeyId);
            profileChanged = true;
        }
        if (!credentials::isValidPublicKeyId(profile.publicKeyId)) {
            cli.failUsage(Tr::tr("the WeChat Pay public key needs its id: --public-key-id PUB_KEY_ID_..."));
            return;
        }
        trust.wechatPayPublicKeyPem = parsed->toPem();
        trustChanged = true;
    } else if (parser.isSet(publicKeyId)) {
        cli.failUsage(Tr::tr("--public-key-id goes with --wechatpay-public-key"));
        return;
    }
    const QStringList platformFiles = parser.values(platform);
    for (const QString& path : platformFiles) {
        auto pem = readSecretFile(path);
        auto certificate = pem ? crypto::Certificate::fromPem(pem.value()) : Result<crypto::Certificate>(pem.error());
        if (!certificate) {
            cli.fail(certificate.error());
            return;
        }
        trust.platformCertificatePems.append(certificate->toPem());
        if (!profile.platformSerials.contains(certificate->serialNumberHex()))
            profile.platformSerials.append(certificate->serialNumberHex());
        trustChanged = profileChanged = true;
    }
    if (parser.isSet(ca)) {
        auto pem = readFile(ca);
        const QList<QSslCertificate> certificates
            = pem ? QSslCertificate::fromData(pem.value(), QSsl::Pem) : QList<QSslCertificate>();
        if (!pem || certificates.isEmpty()) {
            cli.fail(pem ? Error::input(
                         QStringLiteral("CERT_INVALID"), Tr::tr("no PEM certificate in %1").arg(parser.value(ca)))
                         : pem.error());
            return;
        }
        trust.caCertificates += certificates;
        trustChanged = true;
    }

    auto job = std::make_shared<ImportJob>();
    if (profileChanged || trustChanged) {
        job->steps.append(
            [&cli, profile, trust, profileChanged, trustChanged, job = job.get()](std::function<void()> next) {
                if (profileChanged) {
                    if (const Status saved = cli.profiles().save(profile); !saved) {
                        cli.fail(saved.error());
                        return;
                    }
                }
                if (trustChanged) {
                    if (const Status saved = cli.trust().write(profile.id, trust); !saved) {
                        cli.fail(saved.error());
                        return;
                    }
                    job->imported.append(QStringLiteral("trust"));
                    job->lines << Tr::tr("Trusted keys and certificates saved.");
                }
                next();
            });
    }
    if (pemPair) {
        job->steps.append([&cli, id, pair = *pemPair, job = job.get()](std::function<void()> next) {
            cli.keyImport().importPem(id, pair.keyPem, pair.certificatePem, &cli,
                [&cli, job, next](Result<credentials::CertificateInfo> info) {
                    if (!info) {
                        cli.fail(info.error());
                        return;
                    }
                    job->imported.append(QStringLiteral("merchant-private-key"));
                    job->lines << Tr::tr("Merchant key and certificate imported (serial %1, valid until %2).")
                                      .arg(info->serialHex, localTime(info->notAfter));
                    next();
                });
        });
    }
    if (parser.isSet(p12)) {
        job->steps.append([&cli, id, p12Der, p12Pass, job = job.get()](std::function<void()> next) {
            cli.keyImport().importPkcs12(
                id, p12Der, p12Pass, &cli, [&cli, job, next](Result<credentials::CertificateInfo> info) {
                    if (!info) {
                        cli.fail(info.error());
                        return;
                    }
                    job->imported.append(QStringLiteral("client-certificate"));
                    job->lines << Tr::tr("Client certificate imported (serial %1, valid until %2).")
                                      .arg(info->serialHex, localTime(info->notAfter));
                    next();
                });
        });
    }
    for (const SecretText& secret : std::as_const(texts)) {
        const bool isPin = secret.option == &pin;
        const bool isV2 = secret.option == &apiV2;
        const bool isV3 = secret.option == &apiV3;
        job->steps.append([&cli, id, secret, isPin, isV2, isV3, job = job.get()](std::function<void()> next) {
            const QString name = isPin ? QStringLiteral("manager-pin")
                : isV2                 ? credentials::secretKindName(SecretKind::ApiV2Key)
                : isV3                 ? credentials::secretKindName(SecretKind::ApiV3Key)
                                       : credentials::secretKindName(SecretKind::AppSecret);
            auto onStored = [&cli, job, next, name](Status written) {
                if (!written) {
                    cli.fail(written.error());
                    return;
                }
                job->imported.append(name);
                job->lines << Tr::tr("%1 stored in the keychain.").arg(name);
                next();
            };
            if (isPin)
                workflows::ManagerPin::set(cli.keychain(), id, QString::fromUtf8(secret.value), &cli, onStored);
            else if (isV2)
                cli.keyImport().storeApiV2Key(id, QString::fromUtf8(secret.value), &cli, onStored);
            else if (isV3)
                cli.keyImport().storeApiV3Key(id, secret.value, &cli, onStored);
            else
                cli.keyImport().storeAppSecret(id, QString::fromUtf8(secret.value), &cli, onStored);
        });
    }
    cli.out().set(QStringLiteral("profile"), id);
    ImportJob::run(cli, job, 0);
}

} // namespace

void runProfile(Cli& cli, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (verb == u"add")
        runAdd(cli, rest);
    else if (verb == u"list")
        runList(cli, rest);
    else if (verb == u"show")
        runShow(cli, rest);
    else if (verb == u"remove")
        runRemove(cli, rest);
    else if (verb == u"import-keys")
        runImportKeys(cli, rest);
    else if (verb == u"select")
        runSelect(cli, rest);
    else if (verb == u"--help" || verb == u"-h")
        cli.finish(kExitOk, profileHelp());
    else
        cli.failUsage(
            (verb.isEmpty() ? Tr::tr("profile wants a verb") : Tr::tr("unknown profile verb \"%1\"").arg(verb))
            + u"\n\n" + profileHelp());
}

} // namespace wxpay::cli
