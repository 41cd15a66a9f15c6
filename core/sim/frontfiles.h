#pragma once

// The files around wxpay-sim's front: the --merchants file (a MerchantSet whose PEM and key fields may live
// in files of their own) and the client profile the sandbox hands to the console (--write-profile).

#include "common/result.h"
#include "sim/merchant.h"

#include <QDir>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace wxpay::sim {

// Replaces every "<name>_file": "PATH" string (at any depth) with "<name>": the file's content, PATH being
// relative to `base`. Input SIM_MERCHANT_FILE for an unreadable file or when both <name> and <name>_file
// are given.
Result<QJsonObject> resolveFileFields(const QJsonObject& json, const QDir& base);

// Reads a MerchantSet JSON file, resolving "_file" fields relative to the file's folder.
// Input SIM_MERCHANT_FILE for an unreadable file or bad JSON; MerchantSet's own errors otherwise.
Result<MerchantSet> readMerchantsFile(const QString& path);

// What a client needs to talk to this simulator: base_url (the Pay and mini-program endpoints are the
// same server), ca_certificate (PEM, trust it for HTTPS), and per merchant everything SimMerchant::toJson()
// writes except the simulator's own signing keys (platform_key, public_key_id_key). Sandbox keys only.
QJsonObject clientProfile(const QUrl& baseUrl, const QSslCertificate& ca, const QList<SimMerchant>& merchants);

} // namespace wxpay::sim
