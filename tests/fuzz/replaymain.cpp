// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs a fuzz target without libFuzzer: every file named on the command line (or found in a
// named folder) goes through LLVMFuzzerTestOneInput as is, cut at sixteen lengths (truncated
// input), and with single bytes flipped at a few fixed positions. Exits 1 when there was no
// input at all, so a lost corpus cannot pass silently.
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void run(const QByteArray &bytes)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size()));
}

int replay(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 0;
    }
    const QByteArray seed = f.readAll();
    run(seed);
    for (int k = 0; k < 16; ++k) {
        run(seed.left(seed.size() * k / 16));
    }
    for (int k = 1; k < 8 && !seed.isEmpty(); ++k) {
        QByteArray flipped = seed;
        const qsizetype at = seed.size() * k / 8;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x5a);
        run(flipped);
    }
    return 1;
}

}  // namespace

int main(int argc, char **argv)
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                inputs += replay(it.next());
            }
        } else {
            inputs += replay(arg);
        }
    }
    std::printf("replayed %d seed(s) with their variants\n", inputs);
    return inputs > 0 ? 0 : 1;
}
