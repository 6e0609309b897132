// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/log.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QTextStream;
class QNetworkAccessManager;

namespace stocktake::core {
class Clock;
}

namespace stocktake::cli {

/// What every command gets: the global options of CLI.md, the output streams and the concrete
/// parts main() wired together. Commands print results on `out`, messages on `err`.
struct CommandContext {
    QString home;                  ///< --home, resolved (Home::resolve)
    QString profile;               ///< --profile, may be empty
    bool passphraseStdin = false;  ///< --passphrase-stdin
    core::Verbosity verbosity = core::Verbosity::Normal;
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
    const core::Clock *clock = nullptr;
    QNetworkAccessManager *network = nullptr;
    bool stdoutIsTerminal = false;
    bool stderrIsTerminal = false;
};

/// One `stocktake-cli` command. `run` may finish at once or later from the event loop; it
/// calls `finish` exactly once. A failure is reported by `finish(error)`: the runner prints its
/// user message as the one line on stderr and exits with its code.
class Command {
public:
    virtual ~Command() = default;
    using Finish = std::function<void(core::Status)>;

    [[nodiscard]] virtual QString name() const = 0;
    /// The synopsis line of `--help` ("profile add NAME --tenant ID …").
    [[nodiscard]] virtual QString synopsis() const = 0;
    /// One sentence for `--help`.
    [[nodiscard]] virtual QString summary() const = 0;
    virtual void run(CommandContext &context, const QStringList &arguments, Finish finish) = 0;
};

/// Every command, in the order `--help` lists them. Each command lives in its own file and adds
/// one line to commands.cpp.
std::vector<std::unique_ptr<Command>> allCommands();

/// A usage error (exit 2) with a plain message.
core::Error usageError(const QString &message);

}  // namespace stocktake::cli
