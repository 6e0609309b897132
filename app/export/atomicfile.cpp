// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/atomicfile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace stocktake::exporting {

core::Status writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &writer)
{
    auto fail = [](const QString &detail) {
        return core::Error {QStringLiteral("export.write_failed"),
            QCoreApplication::translate("stocktake::exporting::AtomicFile",
                "The export file could not be written. Check the "
                "folder exists, is writable and has free space."),
            detail, core::ExitCode::Failed};
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(QStringLiteral("cannot set mode 0600"));
    if (!writer(file)) {
        file.cancelWriting();
        return fail(QStringLiteral("writer abandoned"));
    }
    if (!file.commit())
        return fail(file.errorString());
    return {};
}

}  // namespace stocktake::exporting
