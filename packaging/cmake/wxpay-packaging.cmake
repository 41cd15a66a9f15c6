# Debian package via CPack (AppImage tooling is not available from Debian's archive).
include_guard(GLOBAL)
include(GNUInstallDirs)

install(FILES "${PROJECT_SOURCE_DIR}/packaging/wxpay-console.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/wxpay-console.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")

set(CPACK_PACKAGE_NAME "wxpay-console")
set(CPACK_PACKAGE_VENDOR "wxpay-console developers")
set(CPACK_PACKAGE_CONTACT "wxpay-console developers <dev@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dlopened or plugin dependencies that dpkg-shlibdeps cannot see
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libsecret-1-0, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring, fonts-wqy-microhei, qt6-translations-l10n")
include(CPack)
