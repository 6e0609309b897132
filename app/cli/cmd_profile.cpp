// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "core/clock.h"
#include "profileaccess.h"
#include "secrets/qtkeychainstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>
#include <QUuid>

namespace stocktake::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::ProfileCommand", text);
}

class ProfileCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("profile"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("profile add NAME --tenant ID_OR_DOMAIN [--client-id GUID] [--authority URL] "
                              "[--graph URL] [--key-storage keychain|passphrase] [--redirect-host localhost|127.0.0.1] "
                              "| profile list | profile remove NAME --yes");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr("Creates, lists and removes tenant profiles and their encrypted databases.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        m_access = std::make_unique<ProfileAccess>(context);
        const QString verb = arguments.value(0);
        const QStringList rest = arguments.mid(1);
        if (verb == QLatin1StringView("add"))
            return add(rest, std::move(finish));
        if (verb == QLatin1StringView("list"))
            return list(rest, std::move(finish));
        if (verb == QLatin1StringView("remove"))
            return remove(rest, std::move(finish));
        finish(usageError(tr("Say profile add, profile list or profile remove. See stocktake-cli --help.")));
    }

private:
    void add(const QStringList &arguments, Finish finish)
    {
        const auto parsed = parseArguments(arguments,
            {QStringLiteral("--tenant"), QStringLiteral("--client-id"), QStringLiteral("--authority"),
                QStringLiteral("--graph"), QStringLiteral("--key-storage"), QStringLiteral("--redirect-host")},
            {});
        if (!parsed)
            return finish(parsed.error());
        if (parsed->positional.size() != 1)
            return finish(usageError(tr("profile add needs exactly one NAME.")));
        store::Profile profile;
        profile.name = parsed->positional.constFirst();
        profile.tenant = parsed->values.value(QStringLiteral("--tenant"));
        profile.clientId
            = parsed->values.value(QStringLiteral("--client-id"), QString::fromLatin1(store::kStocktakeEntraClientId));
        profile.authority
            = parsed->values.value(QStringLiteral("--authority"), QString::fromLatin1(store::kDefaultAuthority));
        profile.graphRoot
            = parsed->values.value(QStringLiteral("--graph"), QString::fromLatin1(store::kDefaultGraphRoot));
        const QString storage = parsed->values.value(QStringLiteral("--key-storage"), QStringLiteral("keychain"));
        if (!store::ProfileStore::isValidName(profile.name))
            return finish(usageError(tr("A profile name is 1 to 64 letters, digits, '.', '_' or '-', "
                                        "starting with a letter or digit.")));
        if (profile.tenant.isEmpty())
            return finish(usageError(tr("profile add needs --tenant (a tenant id or domain).")));
        if (!store::ProfileStore::isValidTenant(profile.tenant))
            return finish(usageError(tr("--tenant must be a tenant id (GUID) or a domain such as contoso.com.")));
        if (!store::ProfileStore::isGuid(profile.clientId))
            return finish(usageError(tr("--client-id must be an application (client) id, a GUID.")));
        if (!store::ProfileStore::isAllowedEndpoint(profile.authority))
            return finish(usageError(tr("--authority must be an https:// URL (http:// only for a loopback host).")));
        if (!store::ProfileStore::isAllowedEndpoint(profile.graphRoot))
            return finish(usageError(tr("--graph must be an https:// URL (http:// only for a loopback host).")));
        if (storage == QLatin1StringView("passphrase"))
            profile.keyStorage = store::KeyStorage::Passphrase;
        else if (storage != QLatin1StringView("keychain"))
            return finish(usageError(tr("--key-storage is keychain or passphrase.")));
        const QString redirectHost
            = parsed->values.value(QStringLiteral("--redirect-host"), QStringLiteral("localhost"));
        if (redirectHost == store::ProfileStore::redirectHostName(store::RedirectHost::Loopback))
            profile.redirectHost = store::RedirectHost::Loopback;
        else if (redirectHost != store::ProfileStore::redirectHostName(store::RedirectHost::Localhost))
            return finish(usageError(tr("--redirect-host is localhost or 127.0.0.1.")));
        if (profile.keyStorage == store::KeyStorage::Passphrase && !m_context->passphraseStdin)
            return finish(usageError(tr("A passphrase profile needs its passphrase on standard input: add "
                                        "--passphrase-stdin.")));
        while (profile.authority.endsWith(u'/'))
            profile.authority.chop(1);
        while (profile.graphRoot.endsWith(u'/'))
            profile.graphRoot.chop(1);
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        profile.created = m_context->clock ? m_context->clock->nowUtc() : QDateTime::currentDateTimeUtc();

        m_access->selectProfile([this, profile, finish](core::Result<store::Profile>) {
            const auto existing = m_access->profiles().list();
            if (!existing)
                return finish(existing.error());
            for (const store::Profile &p : *existing) {
                if (p.name == profile.name)
                    return finish(usageError(tr("A profile called %1 already exists.").arg(profile.name)));
            }
            if (profile.keyStorage == store::KeyStorage::Keychain) {
                // Fail before any file exists when there is no keychain (SECURITY B1, B2).
                m_access->keychain().probe(
                    [this, profile, finish](core::Status usable) {
                        if (!usable)
                            return finish(usable);
                        create(profile, finish);
                    },
                    secrets::QtKeychainStore::ProbeMode::ReadWrite);
                return;
            }
            create(profile, finish);
        });
    }

    void create(const store::Profile &profile, const Finish &finish)
    {
        auto keys = m_access->keysFor(profile);
        if (!keys)
            return finish(keys.error());
        const QString path = m_access->profiles().databasePath(profile);
        m_access->keysIn(**keys).addProfile(
            m_access->profiles(), profile, [this, profile, path, finish](store::ProfileKeys::Opened db) {
                if (!db)
                    return finish(db.error());
                db->reset();
                *m_context->out << tr("Created profile %1 (%2 key storage): %3")
                                       .arg(profile.name, store::ProfileStore::keyStorageName(profile.keyStorage),
                                           QDir::toNativeSeparators(path))
                                << u'\n';
                finish({});
            });
    }

    void list(const QStringList &arguments, Finish finish)
    {
        if (!arguments.isEmpty())
            return finish(usageError(tr("profile list takes no arguments.")));
        m_access->selectProfile([this, finish](core::Result<store::Profile>) {
            const auto profiles = m_access->profiles().list();
            if (!profiles)
                return finish(profiles.error());
            for (const store::Profile &p : *profiles) {
                if (p.removing)
                    continue;
                *m_context->out << p.name << u'\t' << p.tenant << u'\t'
                                << (p.lastSync.isValid() ? p.lastSync.toUTC().toString(Qt::ISODate)
                                                         : QStringLiteral("never"))
                                << u'\n';
            }
            finish({});
        });
    }

    void remove(const QStringList &arguments, Finish finish)
    {
        const auto parsed = parseArguments(arguments, {}, {QStringLiteral("--yes")});
        if (!parsed)
            return finish(parsed.error());
        if (parsed->positional.size() != 1)
            return finish(usageError(tr("profile remove needs exactly one NAME.")));
        if (!parsed->flags.contains(QStringLiteral("--yes")))
            return finish(usageError(tr("profile remove deletes the key, the tokens and all data of the profile "
                                        "for good. Add --yes to do it.")));
        const QString name = parsed->positional.constFirst();
        m_context->profile = name;
        m_access->selectProfile([this, finish](core::Result<store::Profile> profile) {
            if (!profile)
                return finish(profile.error());
            m_removal = std::make_unique<store::ProfileKeys>(m_access->keychain());
            m_removal->removeProfile(
                m_access->profiles(), *profile, [this, finish, name = profile->name](core::Status s) {
                    if (!s)
                        return finish(s);
                    *m_context->out << tr("Removed profile %1: its key, tokens and files are gone.").arg(name) << u'\n';
                    finish({});
                });
        });
    }

    CommandContext *m_context = nullptr;
    std::unique_ptr<ProfileAccess> m_access;
    std::unique_ptr<store::ProfileKeys> m_removal;
};

}  // namespace

std::unique_ptr<Command> makeProfileCommand()
{
    return std::make_unique<ProfileCommand>();
}

}  // namespace stocktake::cli
