// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include "core/home.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace stocktake::store {

namespace {

// For the members of ProfileStore. lupdate would file a tr() call in a free function under
// another context ("core" for a core::Error one), so free functions spell the context out.
QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::store::ProfileStore", text);
}

core::Error unreadable(const QString &path, const QString &detail)
{
    return core::Error {QStringLiteral("profiles.unreadable"),
        QCoreApplication::translate("stocktake::store::ProfileStore",
            "Stocktake cannot read its profile list %1. Check the file, or restore it from a backup.")
            .arg(QDir::toNativeSeparators(path)),
        detail, core::ExitCode::Store};
}

QJsonObject toJson(const Profile &p)
{
    QJsonObject o {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("tenant"), p.tenant},
        {QStringLiteral("clientId"), p.clientId},
        {QStringLiteral("authority"), p.authority},
        {QStringLiteral("graph"), p.graphRoot},
        {QStringLiteral("keyStorage"), ProfileStore::keyStorageName(p.keyStorage)},
        {QStringLiteral("created"), p.created.toUTC().toString(Qt::ISODate)},
    };
    if (p.lastSync.isValid())
        o.insert(QStringLiteral("lastSync"), p.lastSync.toUTC().toString(Qt::ISODate));
    if (p.removing)
        o.insert(QStringLiteral("removing"), true);
    if (p.redirectHost != RedirectHost::Localhost)
        o.insert(QStringLiteral("redirectHost"), ProfileStore::redirectHostName(p.redirectHost));
    return o;
}

Profile fromJson(const QJsonObject &o)
{
    Profile p;
    p.id = o.value(QStringLiteral("id")).toString();
    p.name = o.value(QStringLiteral("name")).toString();
    p.tenant = o.value(QStringLiteral("tenant")).toString();
    p.clientId = o.value(QStringLiteral("clientId")).toString();
    p.authority = o.value(QStringLiteral("authority")).toString();
    p.graphRoot = o.value(QStringLiteral("graph")).toString();
    p.keyStorage = o.value(QStringLiteral("keyStorage")).toString() == QLatin1StringView("passphrase")
        ? KeyStorage::Passphrase
        : KeyStorage::Keychain;
    p.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    p.lastSync = QDateTime::fromString(o.value(QStringLiteral("lastSync")).toString(), Qt::ISODate);
    p.removing = o.value(QStringLiteral("removing")).toBool();
    p.redirectHost = o.value(QStringLiteral("redirectHost")).toString() == QLatin1StringView("127.0.0.1")
        ? RedirectHost::Loopback
        : RedirectHost::Localhost;
    return p;
}

}  // namespace

ProfileStore::ProfileStore(QString home)
    : m_home(std::move(home))
{ }

QString ProfileStore::filePath() const
{
    return QDir(m_home).filePath(QStringLiteral("profiles.json"));
}

QString ProfileStore::profilesDir() const
{
    return QDir(m_home).filePath(QStringLiteral("profiles"));
}

QString ProfileStore::profileDir(const Profile &profile) const
{
    return QDir(profilesDir()).filePath(profile.id);
}

QString ProfileStore::databasePath(const Profile &profile) const
{
    return QDir(profileDir(profile)).filePath(QStringLiteral("stocktake.db"));
}

QString ProfileStore::vaultPath(const Profile &profile) const
{
    return QDir(profileDir(profile)).filePath(QStringLiteral("keys.vault"));
}

QString ProfileStore::keyStorageName(KeyStorage storage)
{
    return storage == KeyStorage::Passphrase ? QStringLiteral("passphrase") : QStringLiteral("keychain");
}

QString ProfileStore::redirectHostName(RedirectHost host)
{
    return host == RedirectHost::Loopback ? QStringLiteral("127.0.0.1") : QStringLiteral("localhost");
}

bool ProfileStore::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$)"));
    return pattern.match(name).hasMatch();
}

bool ProfileStore::isGuid(const QString &text)
{
    static const QRegularExpression guid(
        QStringLiteral(R"(^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$)"));
    return guid.match(text).hasMatch();
}

bool ProfileStore::isValidTenant(const QString &text)
{
    static const QRegularExpression domain(
        QStringLiteral(R"(^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$)"));
    return isGuid(text) || domain.match(text).hasMatch();
}

bool ProfileStore::isAllowedEndpoint(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return false;
    if (url.scheme() == QLatin1StringView("https"))
        return true;
    if (url.scheme() != QLatin1StringView("http"))
        return false;
    // Loopback: localhost, 127.0.0.0/8 and ::1 (QUrl strips the brackets of an IPv6 host).
    static const QRegularExpression ipv4Loopback(QStringLiteral(R"(^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$)"));
    const QString host = url.host();
    return host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1StringView("::1")
        || ipv4Loopback.match(host).hasMatch();
}

core::Result<QList<Profile>> ProfileStore::list() const
{
    QList<Profile> out;
    QFile file(filePath());
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(filePath(), file.errorString());
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return unreadable(filePath(), error.errorString());
    for (const QJsonValue &value : doc.object().value(QStringLiteral("profiles")).toArray()) {
        Profile p = fromJson(value.toObject());
        if (p.id.isEmpty() || p.name.isEmpty())
            return unreadable(filePath(), QStringLiteral("a profile without id or name"));
        out.append(p);
    }
    return out;
}

core::Result<Profile> ProfileStore::select(const QString &name) const
{
    const auto profiles = list();
    if (!profiles)
        return profiles.error();
    QList<Profile> live;
    for (const Profile &p : *profiles) {
        if (!p.removing)
            live.append(p);
    }
    if (name.isEmpty()) {
        if (live.size() == 1)
            return live.constFirst();
        return core::Error {QStringLiteral("profiles.choose"),
            live.isEmpty() ? tr("There is no profile yet. Create one with stocktake-cli profile add NAME --tenant ID.")
                           : tr("There are several profiles. Say which one with --profile NAME."),
            QString(), core::ExitCode::Usage};
    }
    for (const Profile &p : live) {
        if (p.name == name)
            return p;
    }
    return core::Error {QStringLiteral("profiles.unknown"),
        tr("There is no profile called %1. See stocktake-cli profile list.").arg(name), QString(),
        core::ExitCode::Usage};
}

core::Status ProfileStore::save(const QList<Profile> &profiles) const
{
    if (const core::Status home = core::Home::ensure(m_home); !home)
        return home;
    QJsonArray array;
    for (const Profile &p : profiles)
        array.append(toJson(p));
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return unreadable(filePath(), file.errorString());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("profiles"), array}})
                   .toJson(QJsonDocument::Indented));
    if (!file.commit())
        return unreadable(filePath(), file.errorString());
    QFile::setPermissions(filePath(), QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

core::Status ProfileStore::add(const Profile &profile) const
{
    auto profiles = list();
    if (!profiles)
        return profiles.error();
    for (const Profile &p : *profiles) {
        if (p.name == profile.name || p.id == profile.id)
            return core::Error {QStringLiteral("profiles.exists"),
                tr("A profile called %1 already exists. Choose another name.").arg(profile.name), QString(),
                core::ExitCode::Usage};
    }
    profiles->append(profile);
    return save(*profiles);
}

core::Status ProfileStore::update(const Profile &profile) const
{
    auto profiles = list();
    if (!profiles)
        return profiles.error();
    for (Profile &p : *profiles) {
        if (p.id == profile.id) {
            p = profile;
            return save(*profiles);
        }
    }
    return core::Error {QStringLiteral("profiles.unknown"), tr("There is no profile called %1.").arg(profile.name),
        QString(), core::ExitCode::Usage};
}

core::Status ProfileStore::erase(const QString &id) const
{
    auto profiles = list();
    if (!profiles)
        return profiles.error();
    QList<Profile> kept;
    for (const Profile &p : *profiles) {
        if (p.id != id)
            kept.append(p);
    }
    return save(kept);
}

}  // namespace stocktake::store
