// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace stocktake::testing {

/// Runs the built stocktake-cli as a child process, as an admin's script would.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    /// The lines on standard error (CLI.md: a failure prints exactly one).
    [[nodiscard]] QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

inline CliRun runCli(const QString &home, const QStringList &arguments, const QByteArray &stdinData = {},
    const QHash<QString, QString> &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STOCKTAKE_HOME"), home);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STOCKTAKE_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// The id of profile `name` in `home`/profiles.json, or an empty string.
inline QString profileId(const QString &home, const QString &name)
{
    QFile file(home + QStringLiteral("/profiles.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray profiles
        = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("profiles")).toArray();
    for (const QJsonValue &p : profiles) {
        if (p.toObject().value(QStringLiteral("name")).toString() == name)
            return p.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

}  // namespace stocktake::testing
