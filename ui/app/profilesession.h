// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "models/sqltablemodel.h"
#include "secrets/secretbytes.h"
#include "store/profilestore.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace stocktake::secrets {
class KeyStore;
}
namespace stocktake::store {
class Database;
class ProfileKeys;
}  // namespace stocktake::store

namespace stocktake::ui {

/// One open tenant profile in the desktop app: its database key (in a wiping buffer, read from the
/// keychain asynchronously), the read connection of the UI thread for small queries, and a
/// factory for the connections of the models' worker threads. Locking wipes the key and closes
/// every connection; unlocking reads the key again.
class ProfileSession : public QObject {
    Q_OBJECT

public:
    ProfileSession(
        store::ProfileStore profiles, store::Profile profile, secrets::KeyStore &keys, QObject *parent = nullptr);
    ~ProfileSession() override;

    [[nodiscard]] const store::Profile &profile() const { return m_profile; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] bool isOpen() const { return m_key != nullptr; }
    /// The key, shared with worker threads while the session is open; null when locked.
    [[nodiscard]] std::shared_ptr<const secrets::SecretBytes> key() const { return m_key; }
    /// A factory that opens this profile's database on the calling thread.
    [[nodiscard]] models::ConnectionFactory connectionFactory() const;
    /// The end of the last successful users sync (the data's "as of"), invalid before the first.
    [[nodiscard]] QDateTime dataTime() const { return m_dataTime; }

    /// Reads the key from the keychain and opens (and migrates) the database; opened() or failed().
    void open();
    /// Wipes the key and closes the connections; locked() follows.
    void lock();
    /// Re-reads the data time after a sync.
    void refreshDataTime();

Q_SIGNALS:
    void opened();
    void failed(const stocktake::core::Error &error);
    void locked();
    void dataTimeChanged(const QDateTime &utc);

private:
    store::ProfileStore m_profiles;
    store::Profile m_profile;
    secrets::KeyStore &m_keys;
    std::unique_ptr<store::ProfileKeys> m_profileKeys;
    std::shared_ptr<store::Database> m_db;
    std::shared_ptr<const secrets::SecretBytes> m_key;
    QDateTime m_dataTime;
};

}  // namespace stocktake::ui

Q_DECLARE_METATYPE(stocktake::core::Error)
