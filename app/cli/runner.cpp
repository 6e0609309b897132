// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner.h"

#include "core/home.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

#include <optional>

namespace stocktake::cli {

Q_LOGGING_CATEGORY(lcCli, "stocktake.cli")

core::Error usageError(const QString &message)
{
    return core::Error {QStringLiteral("cli.usage"), message, QString(), core::ExitCode::Usage};
}

Runner::Runner(std::vector<std::unique_ptr<Command>> commands, CommandContext context)
    : m_commands(std::move(commands))
    , m_context(std::move(context))
{ }

QString Runner::helpText() const
{
    QString text = QCoreApplication::translate("stocktake::cli::Runner",
        "Usage: stocktake-cli [--home DIR] [--profile NAME] [--passphrase-stdin] [--quiet|--verbose] "
        "COMMAND [ARGS]\n\nCommands:\n");
    for (const auto &command : m_commands)
        text += QStringLiteral("  %1\n      %2\n").arg(command->synopsis(), command->summary());
    text += QCoreApplication::translate("stocktake::cli::Runner",
        "\nExit codes: 0 done, 1 failed, 2 usage, 3 sign-in needed or refused, "
        "4 service unreachable, 5 local store refused, 6 bad input file.\n");
    return text;
}

int Runner::finishWith(const core::Status &status) const
{
    m_context.out->flush();
    if (status.ok())
        return 0;
    const core::Error &error = status.error();
    if (!error.detail.isEmpty())
        qCDebug(lcCli).noquote() << error.code << error.detail;
    *m_context.err << QStringLiteral("stocktake-cli: ") << error.userMessage << u'\n';
    m_context.err->flush();
    return static_cast<int>(error.exitCode);
}

int Runner::exec(const QStringList &arguments)
{
    QString explicitHome;
    QStringList rest;
    // Global options come before the command; everything from the command on is its own.
    int i = 1;
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const auto takeValue = [&](const QString &option) -> std::optional<QString> {
            if (arg.startsWith(option + u'='))
                return arg.mid(option.size() + 1);
            if (i + 1 < arguments.size())
                return arguments.at(++i);
            return std::nullopt;
        };
        if (arg == QStringLiteral("--home") || arg.startsWith(QStringLiteral("--home="))) {
            const auto value = takeValue(QStringLiteral("--home"));
            if (!value)
                return finishWith(
                    usageError(QCoreApplication::translate("stocktake::cli::Runner", "--home needs a folder.")));
            explicitHome = *value;
        } else if (arg == QStringLiteral("--profile") || arg.startsWith(QStringLiteral("--profile="))) {
            const auto value = takeValue(QStringLiteral("--profile"));
            if (!value)
                return finishWith(
                    usageError(QCoreApplication::translate("stocktake::cli::Runner", "--profile needs a name.")));
            m_context.profile = *value;
        } else if (arg == QStringLiteral("--passphrase-stdin")) {
            m_context.passphraseStdin = true;
        } else if (arg == QStringLiteral("--quiet")) {
            m_context.verbosity = core::Verbosity::Quiet;
        } else if (arg == QStringLiteral("--verbose")) {
            m_context.verbosity = core::Verbosity::Verbose;
        } else if (arg == QStringLiteral("--help") || arg == QStringLiteral("-h") || arg == QStringLiteral("help")) {
            *m_context.out << helpText();
            return finishWith({});
        } else if (arg == QStringLiteral("--version")) {
            *m_context.out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion()
                           << u'\n';
            return finishWith({});
        } else if (arg.startsWith(QStringLiteral("--"))) {
            return finishWith(usageError(
                QCoreApplication::translate("stocktake::cli::Runner", "Unknown option %1. See stocktake-cli --help.")
                    .arg(arg)));
        } else {
            break;
        }
    }
    for (; i < arguments.size(); ++i)
        rest.append(arguments.at(i));
    core::installMessageHandler(m_context.verbosity);
    m_context.home = core::Home::resolve(explicitHome);

    if (rest.isEmpty()) {
        *m_context.err << helpText();
        m_context.err->flush();
        return static_cast<int>(core::ExitCode::Usage);
    }
    const QString name = rest.takeFirst();
    Command *command = nullptr;
    for (const auto &candidate : m_commands) {
        if (candidate->name() == name)
            command = candidate.get();
    }
    if (!command) {
        return finishWith(usageError(
            QCoreApplication::translate("stocktake::cli::Runner", "Unknown command %1. See stocktake-cli --help.")
                .arg(name)));
    }

    std::optional<core::Status> result;
    QEventLoop loop;
    command->run(m_context, rest, [&result, &loop](core::Status status) {
        result = std::move(status);
        loop.quit();
    });
    // A command that finished inside run() needs no loop.
    if (!result)
        loop.exec();
    return finishWith(*result);
}

}  // namespace stocktake::cli
