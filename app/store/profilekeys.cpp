// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilekeys.h"

#include "core/home.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

namespace stocktake::store {

Q_LOGGING_CATEGORY(lcProfileKeys, "stocktake.store.keys")

using secrets::SecretBytes;

core::Error noKeyError(const QString &path)
{
    return core::Error {QStringLiteral("store.no_key"),
        QCoreApplication::translate("stocktake::store::ProfileKeys",
            "No key for %1 is stored any more, so its data cannot be opened. Remove the profile and add it again.")
            .arg(QDir::toNativeSeparators(path)),
        QString(), core::ExitCode::Store};
}

QString ProfileKeys::databaseKeyEntry(const QString &profileId)
{
    return profileId + QStringLiteral("/database-key");
}

QString ProfileKeys::pendingKeyEntry(const QString &profileId)
{
    return profileId + QStringLiteral("/database-key.pending");
}

QString ProfileKeys::backupKeyEntry(const QString &profileId)
{
    return profileId + QStringLiteral("/backup-key");
}

QString ProfileKeys::refreshTokenEntry(const QString &profileId)
{
    return profileId + QStringLiteral("/refresh-token");
}

void ProfileKeys::create(const QString &profileId, const QString &path, const Database::Options &options, OpenDone done)
{
    auto key = std::make_shared<SecretBytes>(SecretBytes::random(32));
    Database::Options create = options;
    create.mode = Database::Mode::Create;
    m_keys->write(databaseKeyEntry(profileId), *key, [this, profileId, path, create, key, done](core::Status stored) {
        if (!stored)
            return done(stored.error());
        auto db = Database::open(path, *key, create);
        if (!db) {
            QFile::remove(path);
            // Take the key back out; the profile does not exist.
            return m_keys->remove(
                databaseKeyEntry(profileId), [done, error = db.error()](core::Status) { done(error); });
        }
        done(std::shared_ptr<Database>(std::move(db.value())));
    });
}

void ProfileKeys::open(const QString &profileId, const QString &path, const Database::Options &options, OpenDone done)
{
    if (!QFileInfo::exists(path))
        return m_keys->read(
            databaseKeyEntry(profileId), [path, done](core::Result<SecretBytes>) { done(StoreError::missing(path)); });
    m_keys->read(databaseKeyEntry(profileId), [this, profileId, path, options, done](core::Result<SecretBytes> key) {
        core::Error firstError = noKeyError(path);
        if (key) {
            auto db = Database::open(path, *key, options);
            if (db)
                return done(std::shared_ptr<Database>(std::move(db.value())));
            if (!db.error().is(u"store.wrong_key"))
                return done(db.error());
            firstError = db.error();
        } else if (!key.error().is(u"secrets.not_found")) {
            return done(key.error());
        }
        // The current key is wrong or gone: a rekey may have stopped after PRAGMA rekey.
        m_keys->read(pendingKeyEntry(profileId),
            [this, profileId, path, options, done, firstError](core::Result<SecretBytes> pending) {
                if (!pending)
                    return done(pending.error().is(u"secrets.not_found") ? firstError : pending.error());
                auto db = Database::open(path, *pending, options);
                if (!db)
                    return done(db.error().is(u"store.wrong_key") ? firstError : db.error());
                qCInfo(lcProfileKeys).noquote() << "profile" << profileId << "finishing an interrupted rekey";
                auto opened = std::shared_ptr<Database>(std::move(db.value()));
                m_keys->write(databaseKeyEntry(profileId), *pending, [this, profileId, opened, done](core::Status s) {
                    if (!s)
                        return done(s.error());
                    m_keys->remove(pendingKeyEntry(profileId), [opened, done](core::Status) { done(opened); });
                });
            });
    });
}

void ProfileKeys::rekey(
    const QString &profileId, std::shared_ptr<Database> database, const Database::Options &options, OpenDone done)
{
    auto fresh = std::make_shared<SecretBytes>(SecretBytes::random(32));
    Database::Options reopen = options;
    reopen.mode = Database::Mode::Open;
    // 1. The new key is stored before the file changes.
    m_keys->write(pendingKeyEntry(profileId), *fresh, [this, profileId, database, fresh, reopen, done](core::Status s) {
        if (!s)
            return done(s.error());
        // 2. PRAGMA rekey: one transaction, so the file is under the old or the new key.
        if (const core::Status rekeyed = database->rekey(*fresh); !rekeyed)
            return done(rekeyed.error());
        const QString path = database->path();
        auto holder = database;
        holder.reset();
        // 3. The new key must open the file before the old one goes.
        auto db = Database::open(path, *fresh, reopen);
        if (!db)
            return done(db.error());
        auto opened = std::shared_ptr<Database>(std::move(db.value()));
        // 4. Swap: the new key becomes current, then the pending entry goes.
        m_keys->write(databaseKeyEntry(profileId), *fresh, [this, profileId, opened, done](core::Status written) {
            if (!written)
                return done(written.error());
            m_keys->remove(pendingKeyEntry(profileId), [opened, done](core::Status) { done(opened); });
        });
    });
}

void ProfileKeys::backupKey(
    const QString &profileId, bool createIfMissing, std::function<void(core::Result<SecretBytes>)> done)
{
    m_keys->read(backupKeyEntry(profileId), [this, profileId, createIfMissing, done](core::Result<SecretBytes> key) {
        if (key || !key.error().is(u"secrets.not_found") || !createIfMissing)
            return done(std::move(key));
        auto fresh = std::make_shared<SecretBytes>(SecretBytes::random(32));
        m_keys->write(backupKeyEntry(profileId), *fresh, [fresh, done](core::Status s) {
            if (!s)
                return done(s.error());
            done(SecretBytes::copyOf(fresh->view()));
        });
    });
}

void ProfileKeys::shredKeys(const QString &profileId, Done done)
{
    const QStringList order {databaseKeyEntry(profileId), pendingKeyEntry(profileId), backupKeyEntry(profileId),
        refreshTokenEntry(profileId)};
    auto step = std::make_shared<std::function<void(int)>>();
    *step = [this, order, step, done](int index) {
        if (index >= order.size()) {
            const Done finished = done;  // resetting *step destroys this lambda's captures
            *step = nullptr;
            return finished({});
        }
        m_keys->remove(order.at(index), [step, index, done](core::Status s) {
            if (!s) {
                *step = nullptr;
                return done(s);
            }
            (*step)(index + 1);
        });
    };
    (*step)(0);
}

namespace {

/// Overwrites a small file before unlinking it: the vault is a few hundred bytes, and its
/// blocks should not linger with a wrapped key in them (best effort on journaling/SSD storage).
bool shredFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (file.open(QIODevice::ReadWrite)) {
        file.write(QByteArray(file.size(), '\0'));
        file.flush();
        file.close();
    }
    return QFile::remove(path);
}

}  // namespace

void ProfileKeys::addProfile(const ProfileStore &profiles, const Profile &profile, OpenDone done)
{
    for (const QString &dir : {profiles.home(), profiles.profilesDir(), profiles.profileDir(profile)}) {
        if (const core::Status made = core::Home::ensure(dir); !made)
            return done(made.error());
    }
    const QString folder = profiles.profileDir(profile);
    create(profile.id, profiles.databasePath(profile), {}, [profiles, profile, folder, done](Opened db) {
        if (!db) {
            QDir(folder).removeRecursively();
            return done(db);
        }
        if (const core::Status added = profiles.add(profile); !added) {
            db->reset();
            QDir(folder).removeRecursively();
            return done(added.error());
        }
        done(db);
    });
}

void ProfileKeys::removeProfile(const ProfileStore &profiles, Profile profile, Done done)
{
    profile.removing = true;
    // 0. Mark it, so a crash from here on is finished off by the next run. An orphan folder
    //    has no entry to mark.
    if (const core::Status marked = profiles.update(profile); !marked && !marked.error().is(u"profiles.unknown"))
        return done(marked);
    const auto finishFiles = [profiles, profile, done](core::Status keysGone) {
        if (!keysGone)
            return done(keysGone);
        // 3. The files: without their key they are noise already.
        QDir(profiles.profileDir(profile)).removeRecursively();
        // 4. The entry.
        done(profiles.erase(profile.id));
    };
    if (profile.keyStorage == KeyStorage::Passphrase) {
        // The wrapped keys and the refresh token all live in the vault: shred it first.
        if (!shredFile(profiles.vaultPath(profile)))
            return done(core::Error {QStringLiteral("store.io"),
                QCoreApplication::translate(
                    "stocktake::store::ProfileKeys", "Stocktake cannot delete %1. Check its permissions.")
                    .arg(QDir::toNativeSeparators(profiles.vaultPath(profile))),
                QString(), core::ExitCode::Store});
        return finishFiles({});
    }
    shredKeys(profile.id, finishFiles);
}

void ProfileKeys::finishRemovals(const ProfileStore &profiles, std::function<void()> done)
{
    const auto listed = profiles.list();
    if (!listed)
        return done();
    QList<Profile> pending;
    QSet<QString> known;
    for (const Profile &p : *listed) {
        known.insert(p.id);
        if (p.removing)
            pending.append(p);
    }
    // Folders no entry names: a `profile add` that crashed before writing its entry.
    for (const QString &id : QDir(profiles.profilesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!known.contains(id)) {
            Profile orphan;
            orphan.id = id;
            orphan.name = id;
            orphan.keyStorage
                = QFileInfo::exists(QDir(profiles.profilesDir()).filePath(id + QStringLiteral("/keys.vault")))
                ? KeyStorage::Passphrase
                : KeyStorage::Keychain;
            pending.append(orphan);
        }
    }
    auto step = std::make_shared<std::function<void(int)>>();
    *step = [this, profiles, pending, step, done](int index) {
        if (index >= pending.size()) {
            const auto finished = done;  // resetting *step destroys this lambda's captures
            *step = nullptr;
            return finished();
        }
        const Profile p = pending.at(index);
        qCInfo(lcProfileKeys).noquote() << "finishing the removal of profile" << p.id;
        removeProfile(profiles, p, [step, index, id = p.id](core::Status s) {
            if (!s)
                qCInfo(lcProfileKeys).noquote() << "could not finish removing profile" << id << s.error().code;
            (*step)(index + 1);
        });
    };
    (*step)(0);
}

}  // namespace stocktake::store
