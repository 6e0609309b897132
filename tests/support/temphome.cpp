// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "temphome.h"

#include <QFile>

namespace stocktake::testing {

TempHome::TempHome()
    : m_dir(QDir::tempPath() + QStringLiteral("/stocktake-test-XXXXXX"))
{
    m_hadPrevious = qEnvironmentVariableIsSet("STOCKTAKE_HOME");
    m_previous = qgetenv("STOCKTAKE_HOME");
    if (m_dir.isValid()) {
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("STOCKTAKE_HOME", QFile::encodeName(m_dir.path()));
    }
}

TempHome::~TempHome()
{
    if (m_hadPrevious)
        qputenv("STOCKTAKE_HOME", m_previous);
    else
        qunsetenv("STOCKTAKE_HOME");
}

}  // namespace stocktake::testing
