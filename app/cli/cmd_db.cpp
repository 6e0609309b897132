// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "profileaccess.h"
#include "store/database.h"
#include "store/storeerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace stocktake::cli {

namespace {

// For the members of DbCommand. lupdate files a tr() call in a free function under the
// enclosing namespace (or under "core" when the return type is core::…), not under this
// context, so free functions call QCoreApplication::translate with the context spelled out.
// scripts/check-i18n-contexts checks that lupdate agrees.
QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::DbCommand", text);
}

core::Error checkFailed(const QString &path, const store::Database::CheckReport &report)
{
    QStringList problems = report.cipherProblems;
    problems += report.sqliteProblems;
    // One line, naming the page: "HMAC verification failed for page 2".
    const QString first = problems.constFirst().simplified();
    // A plain int: lupdate 6.4 skips a plural call whose count is a static_cast<int>(…).
    const int more = static_cast<int>(problems.size() - 1);
    const QString andMore = more > 0
        ? QCoreApplication::translate("stocktake::cli::DbCommand", " (and %n more)", nullptr, more)
        : QString();
    return core::Error {QStringLiteral("store.check_failed"),
        QCoreApplication::translate("stocktake::cli::DbCommand",
            "%1 failed its integrity check: %2%3. Restore a backup; the data may have been tampered with.")
            .arg(QDir::toNativeSeparators(path), first, andMore),
        problems.join(QStringLiteral("; ")), core::ExitCode::Store};
}

class DbCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("db"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("db check [FILE] | db rekey | db backup FILE");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr("Checks the encrypted database (or a backup) for damage and tampering, gives it a fresh key, "
                  "or writes an encrypted backup.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        m_access = std::make_unique<ProfileAccess>(context);
        const QString verb = arguments.value(0);
        const QStringList rest = arguments.mid(1);
        if (verb == QLatin1StringView("check") && rest.size() <= 1)
            return check(rest.value(0), std::move(finish));
        if (verb == QLatin1StringView("rekey") && rest.isEmpty())
            return rekey(std::move(finish));
        if (verb == QLatin1StringView("backup") && rest.size() == 1)
            return backup(rest.constFirst(), std::move(finish));
        finish(usageError(tr("Say db check [FILE], db rekey or db backup FILE. See stocktake-cli --help.")));
    }

private:
    void withProfile(std::function<void(const store::Profile &)> then, const Finish &finish)
    {
        m_access->selectProfile([then = std::move(then), finish](core::Result<store::Profile> profile) {
            if (!profile)
                return finish(profile.error());
            then(*profile);
        });
    }

    void report(const std::shared_ptr<store::Database> &db, const QString &path, const Finish &finish)
    {
        const store::Database::CheckReport result = db->check();
        if (!result.ok())
            return finish(checkFailed(path, result));
        *m_context->out << tr("ok: the cipher (page HMAC) and SQLite integrity checks of %1 passed.")
                               .arg(QDir::toNativeSeparators(path))
                        << u'\n';
        finish({});
    }

    void check(const QString &file, Finish finish)
    {
        withProfile(
            [this, file, finish](const store::Profile &profile) {
                store::Database::Options options;
                options.migrate = false;  // read only what is there, damaged or not
                if (file.isEmpty()) {
                    const QString path = m_access->profiles().databasePath(profile);
                    return m_access->openDatabase(
                        profile, options, [this, path, finish](store::ProfileKeys::Opened db) {
                            if (!db)
                                return finish(db.error());
                            report(*db, path, finish);
                        });
                }
                // A backup opens with the profile's backup key (ProfileKeys::backupKey).
                const QString path = QFileInfo(file).absoluteFilePath();
                if (!QFileInfo::exists(path))
                    return finish(core::Error {QStringLiteral("cli.no_file"),
                        tr("There is no file %1.").arg(QDir::toNativeSeparators(path)), QString(),
                        core::ExitCode::BadInput});
                auto keys = m_access->keysFor(profile);
                if (!keys)
                    return finish(keys.error());
                m_access->keysIn(**keys).backupKey(
                    profile.id, false, [this, path, options, finish](core::Result<secrets::SecretBytes> key) {
                        if (!key)
                            return finish(key.error().is(u"secrets.not_found") ? store::noKeyError(path) : key.error());
                        auto db = store::Database::open(path, *key, options);
                        if (!db)
                            return finish(db.error());
                        report(std::shared_ptr<store::Database>(std::move(db.value())), path, finish);
                    });
            },
            finish);
    }

    void rekey(Finish finish)
    {
        withProfile(
            [this, finish](const store::Profile &profile) {
                m_access->openDatabase(profile, {}, [this, profile, finish](store::ProfileKeys::Opened db) {
                    if (!db)
                        return finish(db.error());
                    auto keys = m_access->keysFor(profile);
                    if (!keys)
                        return finish(keys.error());
                    m_keys = std::make_unique<store::ProfileKeys>(**keys);
                    m_keys->rekey(profile.id, std::move(*db), {}, [this, finish](store::ProfileKeys::Opened reopened) {
                        if (!reopened)
                            return finish(reopened.error());
                        *m_context->out << tr("The database has a new key; the old key no longer opens it.") << u'\n';
                        finish({});
                    });
                });
            },
            finish);
    }

    void backup(const QString &file, Finish finish)
    {
        const QString target = QFileInfo(file).absoluteFilePath();
        if (QFileInfo::exists(target))
            return finish(store::StoreError::exists(target));
        withProfile(
            [this, target, finish](const store::Profile &profile) {
                m_access->openDatabase(profile, {}, [this, profile, target, finish](store::ProfileKeys::Opened db) {
                    if (!db)
                        return finish(db.error());
                    auto keys = m_access->keysFor(profile);
                    if (!keys)
                        return finish(keys.error());
                    m_keys = std::make_unique<store::ProfileKeys>(**keys);
                    m_keys->backupKey(profile.id, true,
                        [this, database = *db, target, finish](core::Result<secrets::SecretBytes> key) {
                            if (!key)
                                return finish(key.error());
                            if (const core::Status written = database->backupTo(target, *key); !written)
                                return finish(written);
                            *m_context->out << tr("Wrote an encrypted backup to %1; stocktake-cli db check %1 "
                                                  "verifies it.")
                                                   .arg(QDir::toNativeSeparators(target))
                                            << u'\n';
                            finish({});
                        });
                });
            },
            finish);
    }

    CommandContext *m_context = nullptr;
    std::unique_ptr<ProfileAccess> m_access;
    std::unique_ptr<store::ProfileKeys> m_keys;
};

}  // namespace

std::unique_ptr<Command> makeDbCommand()
{
    return std::make_unique<DbCommand>();
}

}  // namespace stocktake::cli
