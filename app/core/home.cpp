// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "home.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace stocktake::core {

QString Home::resolve(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir(explicitDir).absolutePath();
    const QString fromEnv = qEnvironmentVariable("STOCKTAKE_HOME");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Status Home::ensure(const QString &dir)
{
    const auto fail = [&dir](const QString &detail) {
        return Error {QStringLiteral("home.unusable"),
            QCoreApplication::translate("stocktake::core::Home",
                "Stocktake cannot use its data folder %1. Check that it "
                "exists, belongs to you and the disk is not full.")
                .arg(QDir::toNativeSeparators(dir)),
            detail, ExitCode::Store};
    };
    if (dir.isEmpty())
        return fail(QStringLiteral("no home folder"));
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("mkpath failed"));
    constexpr auto kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    constexpr auto kOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
        | QFile::WriteOther | QFile::ExeOther;
    const auto current = QFile::permissions(dir);
    const bool tight = (current & kOthers) == 0 && (current & kOwnerOnly) == kOwnerOnly;
    if (!tight && !QFile::setPermissions(dir, kOwnerOnly))
        return fail(QStringLiteral("chmod 0700 failed"));
    return {};
}

}  // namespace stocktake::core
