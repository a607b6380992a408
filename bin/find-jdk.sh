# Sourced by run.sh and test.sh: exports JAVA_HOME pointing at a JDK >= 21, or exits with a
# message naming what to install. Helidon 4 needs Java 21; the machine's default java may be older.

java_major() {
    "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_jdk() {
    local candidate major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major=$(java_major "$JAVA_HOME")
        if [ "${major:-0}" -ge 21 ]; then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate=${candidate%/}
        [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
    done
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        major=$(java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
    fi
    return 1
}

if ! KP_JDK=$(find_jdk); then
    echo "Kundenpuls needs a JDK 21 or newer and found none (checked JAVA_HOME, /usr/lib/jvm and the PATH)." >&2
    echo "Install one, e.g. 'apt-get install temurin-25-jdk' or 'apt-get install openjdk-21-jdk', or set JAVA_HOME to it." >&2
    exit 1
fi
export JAVA_HOME="$KP_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
