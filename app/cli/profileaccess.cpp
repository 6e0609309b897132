// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileaccess.h"

#include "secrets/passphrasekeystore.h"
#include "secrets/qtkeychainstore.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace stocktake::cli {

namespace {

// tr() is for the members of ProfileAccess; lupdate files a tr() call in a free function under
// the enclosing namespace instead, so free functions say Text::tr (scripts/check-i18n-contexts).
QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::ProfileAccess", text);
}

struct Text {
    Q_DECLARE_TR_FUNCTIONS(stocktake::cli::ProfileAccess)
};

}  // namespace

core::Result<ParsedArguments> parseArguments(
    const QStringList &arguments, const QStringList &valueOptions, const QStringList &flagOptions)
{
    ParsedArguments out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!arg.startsWith(QStringLiteral("--"))) {
            out.positional.append(arg);
            continue;
        }
        const qsizetype eq = arg.indexOf(u'=');
        const QString name = eq < 0 ? arg : arg.left(eq);
        if (valueOptions.contains(name)) {
            if (eq >= 0) {
                out.values.insert(name, arg.mid(eq + 1));
            } else if (i + 1 < arguments.size()) {
                out.values.insert(name, arguments.at(++i));
            } else {
                return usageError(Text::tr("%1 needs a value.").arg(name));
            }
        } else if (flagOptions.contains(name) && eq < 0) {
            out.flags.insert(name);
        } else {
            return usageError(Text::tr("Unknown option %1. See stocktake-cli --help.").arg(arg));
        }
    }
    return out;
}

ProfileAccess::ProfileAccess(const CommandContext &context)
    : m_context(context)
    , m_profiles(context.home)
{ }

ProfileAccess::~ProfileAccess() = default;

secrets::QtKeychainStore &ProfileAccess::keychain()
{
    if (!m_keychain)
        m_keychain = std::make_unique<secrets::QtKeychainStore>();
    return *m_keychain;
}

core::Result<secrets::SecretBytes> ProfileAccess::readPassphrase()
{
    if (!m_context.passphraseStdin)
        return usageError(tr("This profile is protected by a passphrase: give it on standard input with "
                             "--passphrase-stdin."));
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return usageError(tr("Cannot read the passphrase from standard input."));
    QByteArray line = in.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return usageError(tr("The passphrase on standard input is empty."));
    secrets::SecretBytes passphrase = secrets::SecretBytes::copyOf(line);
    secrets::SecretBytes::wipe(line);
    return passphrase;
}

core::Result<std::unique_ptr<secrets::KeyStore>> ProfileAccess::vaultFor(
    const store::Profile &profile, bool needPassphrase)
{
    secrets::SecretBytes passphrase;
    if (needPassphrase) {
        auto read = readPassphrase();
        if (!read)
            return read.error();
        passphrase = std::move(read.value());
    }
    std::unique_ptr<secrets::KeyStore> vault
        = std::make_unique<secrets::PassphraseKeyStore>(m_profiles.vaultPath(profile), std::move(passphrase));
    return vault;
}

core::Result<secrets::KeyStore *> ProfileAccess::keysFor(const store::Profile &profile)
{
    if (profile.keyStorage == store::KeyStorage::Keychain)
        return static_cast<secrets::KeyStore *>(&keychain());
    if (!m_vault) {
        auto vault = vaultFor(profile, true);
        if (!vault)
            return vault.error();
        m_vault = std::move(vault.value());
    }
    return m_vault.get();
}

store::ProfileKeys &ProfileAccess::keysIn(secrets::KeyStore &store)
{
    m_keys = std::make_unique<store::ProfileKeys>(store);
    return *m_keys;
}

void ProfileAccess::selectProfile(std::function<void(core::Result<store::Profile>)> done)
{
    m_cleanupKeys = std::make_unique<store::ProfileKeys>(keychain());
    m_cleanupKeys->finishRemovals(m_profiles, [this, done] { done(m_profiles.select(m_context.profile)); });
}

void ProfileAccess::openDatabase(
    const store::Profile &profile, const store::Database::Options &options, store::ProfileKeys::OpenDone done)
{
    auto keys = keysFor(profile);
    if (!keys)
        return done(keys.error());
    keysIn(**keys).open(profile.id, m_profiles.databasePath(profile), options, std::move(done));
}

}  // namespace stocktake::cli
