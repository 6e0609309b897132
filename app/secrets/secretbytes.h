// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>

namespace stocktake::secrets {

/// Bytes of a secret (a database key, a refresh token) in one heap buffer that is locked in
/// memory where the rlimit allows (mlock) and wiped with OPENSSL_cleanse when released or
/// reassigned. Move-only: a secret is never copied by accident. It never becomes a QString.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    /// Copies `bytes` in; the caller wipes its own copy (see wipe()).
    static SecretBytes copyOf(QByteArrayView bytes);
    /// `size` bytes from the OS CSPRNG (OpenSSL RAND_bytes).
    static SecretBytes random(std::size_t size);
    ~SecretBytes();

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    [[nodiscard]] const unsigned char *data() const { return m_data; }
    [[nodiscard]] unsigned char *data() { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    [[nodiscard]] QByteArrayView view() const { return {m_data, static_cast<qsizetype>(m_size)}; }

    /// Lower-case hex, in a fresh SecretBytes (for the `x'…'` pragma literal).
    [[nodiscard]] SecretBytes toHex() const;
    /// Constant-time comparison.
    [[nodiscard]] bool equals(QByteArrayView other) const;

    /// Wipes a QByteArray that held secret bytes (it must not be shared with another copy).
    static void wipe(QByteArray &bytes);

private:
    void release();
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
    bool m_locked = false;
};

}  // namespace stocktake::secrets
