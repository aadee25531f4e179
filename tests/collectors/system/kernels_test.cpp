#include "collectors/system/kernels.hpp"

#include <catch2/catch.hpp>

using std::nullopt;
using zt::system::deb_kernel_meta_package;
using zt::system::kernel_release_of_apk;
using zt::system::kernel_release_of_boot_file;
using zt::system::kernel_release_of_deb;
using zt::system::newest_kernel_release;

TEST_CASE("kernels: dpkg package names", "[unit][kernel]") {
  CHECK(kernel_release_of_deb("linux-image-6.1.0-30-amd64") == "6.1.0-30-amd64");
  CHECK(kernel_release_of_deb("linux-image-6.1.0-30-cloud-amd64") == "6.1.0-30-cloud-amd64");
  CHECK(kernel_release_of_deb("linux-image-6.1.0-30-amd64:amd64") == "6.1.0-30-amd64");
  CHECK(kernel_release_of_deb("linux-image-6.1.0-30-amd64-unsigned") == "6.1.0-30-amd64");
  CHECK(kernel_release_of_deb("linux-image-5.15.0-91-generic") == "5.15.0-91-generic");
  CHECK(kernel_release_of_deb("linux-image-unsigned-5.15.0-91-generic") == "5.15.0-91-generic");
  CHECK(kernel_release_of_deb("linux-signed-image-4.4.0-210-generic") == "4.4.0-210-generic");
  CHECK(kernel_release_of_deb("linux-image-amd64") == nullopt);  // meta-packages
  CHECK(kernel_release_of_deb("linux-image-generic") == nullopt);
  CHECK(kernel_release_of_deb("linux-image-cloud-amd64") == nullopt);
  CHECK(kernel_release_of_deb("linux-image-6.1.0-30-amd64-dbg") == nullopt);
  CHECK(kernel_release_of_deb("linux-image-5.15.0-91-generic-dbgsym") == nullopt);
  CHECK(kernel_release_of_deb("linux-headers-6.1.0-30-amd64") == nullopt);
  CHECK(kernel_release_of_deb("linux-image-") == nullopt);
  CHECK(kernel_release_of_deb("bash") == nullopt);
}

TEST_CASE("kernels: apk flavour packages", "[unit][kernel]") {
  CHECK(kernel_release_of_apk("linux-lts", "6.1.62-r0") == "6.1.62-0-lts");
  CHECK(kernel_release_of_apk("linux-virt", "6.6.58-r1") == "6.6.58-1-virt");
  CHECK(kernel_release_of_apk("linux-edge", "6.11.5-r0") == "6.11.5-0-edge");
  CHECK(kernel_release_of_apk("linux-rpi", "6.6.31-r0") == "6.6.31-0-rpi");
  CHECK(kernel_release_of_apk("linux-firmware", "20240115-r0") == nullopt);
  CHECK(kernel_release_of_apk("linux-headers", "6.1.62-r0") == nullopt);
  CHECK(kernel_release_of_apk("linux-pam", "1.5.3-r5") == nullopt);
  CHECK(kernel_release_of_apk("linux-lts", "6.1.62") == nullopt);
  CHECK(kernel_release_of_apk("linux-lts", "6.1.62-rx") == nullopt);
  CHECK(kernel_release_of_apk("linux-lts", "-r0") == nullopt);
}

TEST_CASE("kernels: /boot entries", "[unit][kernel]") {
  CHECK(kernel_release_of_boot_file("vmlinuz-6.1.0-30-amd64") == "6.1.0-30-amd64");
  CHECK(kernel_release_of_boot_file("vmlinuz-5.14.0-427.13.1.el9_4.x86_64") ==
        "5.14.0-427.13.1.el9_4.x86_64");
  CHECK(kernel_release_of_boot_file("vmlinuz-lts") == nullopt);  // Alpine: no release
  CHECK(kernel_release_of_boot_file("vmlinuz") == nullopt);
  CHECK(kernel_release_of_boot_file("vmlinuz.old") == nullopt);
  CHECK(kernel_release_of_boot_file("vmlinuz-6.1.0-28-amd64.old") == nullopt);
  CHECK(kernel_release_of_boot_file("initrd.img-6.1.0-30-amd64") == nullopt);
  CHECK(kernel_release_of_boot_file("config-6.1.0-30-amd64") == nullopt);
  CHECK(kernel_release_of_boot_file("vmlinuz-0-rescue-0123abcd") == "0-rescue-0123abcd");
}

TEST_CASE("kernels: only Debian-, Ubuntu- and Alpine-like releases are compared",
          "[unit][kernel]") {
  const auto os = [](std::string id, std::vector<std::string> like) {
    zt::system::OsRelease r;
    r.id = std::move(id);
    r.id_like = std::move(like);
    return r;
  };
  CHECK(zt::system::kernel_releases_order_like_dpkg(os("debian", {})));
  CHECK(zt::system::kernel_releases_order_like_dpkg(os("ubuntu", {"debian"})));
  CHECK(zt::system::kernel_releases_order_like_dpkg(os("linuxmint", {"ubuntu", "debian"})));
  CHECK(zt::system::kernel_releases_order_like_dpkg(os("alpine", {})));
  CHECK_FALSE(zt::system::kernel_releases_order_like_dpkg(os("rhel", {"fedora"})));
  CHECK_FALSE(zt::system::kernel_releases_order_like_dpkg(os("centos", {"rhel", "fedora"})));
  CHECK_FALSE(zt::system::kernel_releases_order_like_dpkg(os("linux", {})));
}

TEST_CASE("kernels: the newest release and the meta-package", "[unit][kernel]") {
  CHECK(newest_kernel_release({"6.1.0-9-amd64", "6.1.0-28-amd64", "6.1.0-10-amd64"}) ==
        "6.1.0-28-amd64");
  CHECK(newest_kernel_release({"5.15.0-91-generic", "5.15.0-101-generic"}) == "5.15.0-101-generic");
  CHECK(newest_kernel_release({}) == nullopt);
  CHECK(deb_kernel_meta_package("6.1.0-30-amd64") == "linux-image-amd64");
  CHECK(deb_kernel_meta_package("6.1.0-30-cloud-amd64") == "linux-image-cloud-amd64");
  CHECK(deb_kernel_meta_package("5.15.0-91-generic") == "linux-image-generic");
  CHECK(deb_kernel_meta_package("6.1.0") == nullopt);
  CHECK(deb_kernel_meta_package("6.1.0-30") == nullopt);
  CHECK(deb_kernel_meta_package("6.1.0-30-") == nullopt);
}
