// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeerror.h"

#include <QCoreApplication>
#include <QDir>

#include <sqlite3.h>

namespace stocktake::store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::store::StoreError", text);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

core::Error make(const char *code, const QString &message, const QString &detail)
{
    return core::Error {QString::fromLatin1(code), message, detail, core::ExitCode::Store};
}

}  // namespace

core::Error StoreError::wrongKey(const QString &path, const QString &detail)
{
    return make("store.wrong_key",
        tr("The key does not open %1: the key or passphrase is wrong, or the file is damaged. "
           "Check the profile, or restore a backup.")
            .arg(native(path)),
        detail);
}

core::Error StoreError::notDatabase(const QString &path, const QString &detail)
{
    return make("store.not_database",
        tr("%1 is not an encrypted Stocktake database. Check the path, or restore a backup.").arg(native(path)),
        detail);
}

core::Error StoreError::schemaNewer(const QString &path, int found, int supported)
{
    return make("store.schema_newer",
        tr("%1 was written by a newer Stocktake (schema %2; this version knows up to %3). "
           "Update Stocktake to open it.")
            .arg(native(path))
            .arg(found)
            .arg(supported),
        QStringLiteral("schema %1 > %2").arg(found).arg(supported));
}

core::Error StoreError::corrupt(const QString &path, const QString &detail)
{
    return make("store.corrupt",
        tr("%1 is damaged or was tampered with (%2). Run stocktake-cli db check, or restore a backup.")
            .arg(native(path), detail),
        detail);
}

core::Error StoreError::notSqlCipher(const QString &detail)
{
    return make("store.no_sqlcipher",
        tr("The SQLite library in use cannot encrypt (SQLCipher 4 is needed). Reinstall Stocktake."), detail);
}

core::Error StoreError::missing(const QString &path)
{
    return make("store.missing",
        tr("There is no database at %1. Create the profile again with stocktake-cli profile add.").arg(native(path)),
        QString());
}

core::Error StoreError::exists(const QString &path)
{
    core::Error error = make("store.exists",
        tr("%1 already exists; Stocktake will not overwrite it. Choose another file.").arg(native(path)), QString());
    error.exitCode = core::ExitCode::Failed;
    return error;
}

core::Error StoreError::io(const QString &path, const QString &detail)
{
    return make("store.io",
        tr("Stocktake cannot read or write %1. Check that it belongs to you and the disk works.").arg(native(path)),
        detail);
}

core::Error StoreError::diskFull(const QString &path, const QString &detail)
{
    return make("store.disk_full",
        tr("The disk that holds %1 is full. Free some space and try again; nothing was lost.").arg(native(path)),
        detail);
}

core::Error StoreError::busy(const QString &path, const QString &detail)
{
    return make("store.busy",
        tr("%1 is in use by another Stocktake process. Close it and try again.").arg(native(path)), detail);
}

core::Error StoreError::fromSqlite(int code, const QString &path, const QString &detail)
{
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        return wrongKey(path, detail);
    case SQLITE_CORRUPT:
        return corrupt(path, detail);
    case SQLITE_FULL:
        return diskFull(path, detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return busy(path, detail);
    default:
        return io(path, detail);
    }
}

}  // namespace stocktake::store
