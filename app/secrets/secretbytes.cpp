// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretbytes.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <new>
#include <stdexcept>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#endif

namespace stocktake::secrets {

SecretBytes::SecretBytes(std::size_t size)
    : m_size(size)
{
    if (size == 0)
        return;
    // A raw allocation on purpose: this class is the RAII owner, and the buffer must be wiped
    // and munlocked before it is freed, which no standard container guarantees.
    m_data = static_cast<unsigned char *>(std::calloc(size, 1));  // NOLINT(cppcoreguidelines-no-malloc)
    if (!m_data)
        throw std::bad_alloc();
#if defined(__unix__) || defined(__APPLE__)
    // Best effort: keep the page out of swap. RLIMIT_MEMLOCK may refuse; the wipe still happens.
    m_locked = ::mlock(m_data, size) == 0;
#endif
}

SecretBytes SecretBytes::copyOf(QByteArrayView bytes)
{
    SecretBytes out(static_cast<std::size_t>(bytes.size()));
    if (!bytes.isEmpty())
        std::copy(bytes.begin(), bytes.end(), out.m_data);
    return out;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes out(size);
    if (size > 0 && RAND_bytes(out.m_data, static_cast<int>(size)) != 1)
        std::abort();  // No CSPRNG means no safe key; never go on with zeros.
    return out;
}

SecretBytes::~SecretBytes()
{
    release();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_locked(std::exchange(other.m_locked, false))
{ }

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

void SecretBytes::release()
{
    if (!m_data)
        return;
    OPENSSL_cleanse(m_data, m_size);
#if defined(__unix__) || defined(__APPLE__)
    if (m_locked)
        ::munlock(m_data, m_size);
#endif
    std::free(m_data);  // NOLINT(cppcoreguidelines-no-malloc)
    m_data = nullptr;
    m_size = 0;
    m_locked = false;
}

SecretBytes SecretBytes::toHex() const
{
    static constexpr char kDigits[] = "0123456789abcdef";
    if (m_size == 0)
        return {};
    if (m_size > std::numeric_limits<std::size_t>::max() / 2)
        throw std::length_error("SecretBytes::toHex");
    SecretBytes out(m_size * 2);
    unsigned char *hex = out.m_data;
    if (hex == nullptr || m_data == nullptr)
        return out;
    for (std::size_t i = 0; i < m_size; ++i) {
        hex[2 * i] = static_cast<unsigned char>(kDigits[m_data[i] >> 4]);
        hex[2 * i + 1] = static_cast<unsigned char>(kDigits[m_data[i] & 0x0f]);
    }
    return out;
}

bool SecretBytes::equals(QByteArrayView other) const
{
    if (static_cast<std::size_t>(other.size()) != m_size)
        return false;
    return m_size == 0 || CRYPTO_memcmp(m_data, other.data(), m_size) == 0;
}

void SecretBytes::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach();  // never wipe another holder's bytes; the shared copy is the caller's problem
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

}  // namespace stocktake::secrets
