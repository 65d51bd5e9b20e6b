#!/usr/bin/env bash
# Installs what is missing (Debian packages, Python packages), builds the C++
# library, CLI and tests, installs the Python package, and cleans the seed
# article.
source "$(dirname "$0")/common.sh"

install_system_deps
build_cpp
install_python_package
say "newsclean clean seeds/001_53a9f95486086e6a.txt"
cd "$ROOT"
"$(newsclean_command)" clean seeds/001_53a9f95486086e6a.txt
