// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

namespace stocktake::cli {

/// Parses the global options, picks the command and runs it to completion in the event loop.
/// Returns the process exit code.
class Runner {
public:
    Runner(std::vector<std::unique_ptr<Command>> commands, CommandContext context);
    int exec(const QStringList &arguments);

private:
    [[nodiscard]] QString helpText() const;
    int finishWith(const core::Status &status) const;

    std::vector<std::unique_ptr<Command>> m_commands;
    CommandContext m_context;
};

}  // namespace stocktake::cli
