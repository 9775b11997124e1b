#!/usr/bin/env bash
# A local apt repository for the container targets, served from the test machine's loopback (the
# targets share the host's network namespace), so apt tests need no internet. See ../shared/TESTING.md.
#
#   apt-repo.sh build DIR                  builds tiny .deb packages and a flat repository in DIR
#   apt-repo.sh serve DIR                  serves DIR on a free 127.0.0.1 port; prints PORT=, PID=
#                                          under /slow/N/ InRelease answers after N seconds (a slow mirror)
#   apt-repo.sh stop PID                   stops a server this script started (by its pid)
#   apt-repo.sh add-version DIR NAME VER   adds package NAME (one of those below) at version VER and
#                                          rebuilds the indexes: an upgrade then has something to do
#   apt-repo.sh point STATE PORT           points target STATE's apt at the repository only (its
#                                          Debian mirror lines are removed inside the overlay)
#   apt-repo.sh slow-update STATE PORT N   starts a real apt-get update in the target that holds the
#                                          lists lock for about N seconds (N <= 25); prints its pid there
#
# Packages (all Architecture: all, no dependencies):
#   aptready-hello 1.0   a file under /usr/share/aptready-hello
#   aptready-extra 1.0   another file, to install and remove
#   aptready-slow 1.0    its postinst sleeps for the seconds in /etc/aptready-slow-seconds if that
#                        file exists (writing its pid to /run/aptready-slow-postinst.pid first), so a
#                        test can catch dpkg in the middle of configuring it; it prints a line after
#                        the sleep, which fails it (SIGPIPE) if apt's output pipe was broken meanwhile
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
die() { echo "apt-repo.sh: $*" >&2; exit 3; }

# Below the kernel's ephemeral range (32768 and up by default), where the local end of any outgoing
# connection could take the port between this check and the server's bind.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 12000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    die "no free loopback port found"
}

package() {
    local dir=$1 name=$2 description=$3 version=${4:-1.0}
    local pkg=$dir/build/$name
    mkdir -p "$pkg/DEBIAN" "$pkg/usr/share/$name"
    echo "$description" >"$pkg/usr/share/$name/README"
    cat >"$pkg/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: all
Maintainer: AptReady tests <tests@aptready.invalid>
Priority: optional
Section: misc
Description: $description
 A package of AptReady's test repository.
EOF
}

# Packages, Packages.gz and a Release file for the flat repository in DIR.
index() {
    local dir=$1
    ( cd "$dir" && dpkg-scanpackages --multiversion pool /dev/null 2>/dev/null >Packages )
    gzip -9nc "$dir/Packages" >"$dir/Packages.gz"
    # A Release file for the flat repository ([trusted=yes] sources still want one to be quiet).
    {
        echo "Origin: AptReady tests"
        echo "Label: AptReady tests"
        echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"
        echo "Architectures: all amd64"
        echo "SHA256:"
        for f in Packages Packages.gz; do
            printf ' %s %s %s\n' "$(sha256sum "$dir/$f" | cut -d' ' -f1)" "$(stat -c %s "$dir/$f")" "$f"
        done
    } >"$dir/Release"
}

cmd_build() {
    local dir=${1:?repository folder}
    command -v dpkg-deb >/dev/null || die "'dpkg-deb' is missing: apt-get install -y dpkg-dev"
    command -v dpkg-scanpackages >/dev/null || die "'dpkg-scanpackages' is missing: apt-get install -y dpkg-dev"
    rm -rf "$dir/build"
    mkdir -p "$dir/build" "$dir/pool"
    package "$dir" aptready-hello "AptReady test package: hello"
    package "$dir" aptready-extra "AptReady test package: extra"
    package "$dir" aptready-slow "AptReady test package whose postinst can be made slow"
    cat >"$dir/build/aptready-slow/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ] && [ -f /etc/aptready-slow-seconds ]; then
    echo $$ >/run/aptready-slow-postinst.pid
    sleep "$(cat /etc/aptready-slow-seconds)"
    # Maintainer scripts print: this line fails the postinst if nobody reads apt's output any more.
    echo "aptready-slow: configured after a slow postinst"
fi
echo configured >/var/lib/aptready-slow-configured
exit 0
EOF
    chmod 0755 "$dir/build/aptready-slow/DEBIAN/postinst"
    local p
    for p in aptready-hello aptready-extra aptready-slow; do
        dpkg-deb --root-owner-group -Zgzip --build "$dir/build/$p" "$dir/pool/${p}_1.0_all.deb" >/dev/null
    done
    index "$dir"
    rm -rf "$dir/build"
    echo "$dir"
}

cmd_add_version() {
    local dir=${1:?repository folder} name=${2:?package name} version=${3:?version}
    [ -f "$dir/Packages" ] || die "'$dir' has no repository; run: apt-repo.sh build $dir"
    case $name in aptready-hello|aptready-extra) ;; *) die "add-version knows aptready-hello and aptready-extra only" ;; esac
    case $version in *[!0-9.]*|'') die "'$version' is not a plain version like 1.1" ;; esac
    rm -rf "$dir/build"
    package "$dir" "$name" "AptReady test package: ${name#aptready-}" "$version"
    dpkg-deb --root-owner-group -Zgzip --build "$dir/build/$name" "$dir/pool/${name}_${version}_all.deb" >/dev/null
    rm -rf "$dir/build"
    index "$dir"
}

# A threaded static server; /slow/N/PATH serves PATH after N seconds. Every request is logged.
server_py='
import http.server, os, sys, time
root, port = sys.argv[1], int(sys.argv[2])
log = open(os.path.join(root, "access.log"), "a", buffering=1)
class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=root, **k)
    def translate_path(self, path):
        parts = path.split("/")
        if len(parts) > 3 and parts[1] == "slow" and parts[2].isdigit():
            # Only the first file apt asks for waits, so one update holds its lock for about N s.
            if parts[-1] == "InRelease":
                log.write("%s slow-start %s\n" % (time.time(), path))
                time.sleep(int(parts[2]))
            path = "/" + "/".join(parts[3:])
        return super().translate_path(path)
    def log_message(self, fmt, *args):
        log.write("%s %s\n" % (time.time(), fmt % args))
http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
'

cmd_serve() {
    local dir=${1:?repository folder}
    [ -f "$dir/Packages" ] || die "'$dir' has no repository; run: apt-repo.sh build $dir"
    command -v python3 >/dev/null || die "'python3' is missing"
    local port pid attempt
    # A port free at the check can be taken before the server binds it: then another one, 5 at most.
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        : >"$dir/access.log"
        setsid python3 -c "$server_py" "$dir" "$port" </dev/null >"$dir/server.log" 2>&1 &
        pid=$!
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            # (Answering while our server still runs: a listener of someone else's would have made it exit.)
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && kill -0 "$pid" 2>/dev/null && { echo "PORT=$port"; echo "PID=$pid"; return 0; }
            sleep 0.05
        done
        cat "$dir/server.log" >&2
        kill "$pid" 2>/dev/null || true
        grep -q 'Address already in use' "$dir/server.log" && [ "$attempt" -lt 5 ] || break
        echo "apt-repo.sh: port $port was taken before the server bound it; another port" >&2
    done
    die "the repository server did not start"
}

cmd_stop() {
    local pid=${1:?server pid}
    kill "$pid" 2>/dev/null || true
}

cmd_point() {
    local state=${1:?target state folder} port=${2:?port}
    # shellcheck disable=SC1091
    . "$state/info"
    local root=$ROOT
    # Only the local repository: no Debian mirror, so nothing here needs the internet.
    : >"$root/etc/apt/sources.list"
    rm -f "$root"/etc/apt/sources.list.d/*.list "$root"/etc/apt/sources.list.d/*.sources
    echo "deb [trusted=yes] http://127.0.0.1:$port/ ./" >"$root/etc/apt/sources.list.d/aptready-local.list"
    mkdir -p "$root/etc/apt/aptready-slow.d"
    # The slow mirror serves the same packages; only slow-update reads this list.
    echo "deb [trusted=yes] http://127.0.0.1:$port/slow/@SECONDS@/ ./" >"$root/etc/apt/aptready-slow.list.in"
    # The lists of the Debian mirror the root file system was built from: apt must not see them.
    find "$root/var/lib/apt/lists" -maxdepth 1 -type f ! -name lock ! -name '127.0.0.1*' -delete
}

cmd_slow_update() {
    local state=${1:?target state folder} port=${2:?port} seconds=${3:?seconds}
    [ "$seconds" -le 25 ] || die "apt's HTTP timeout is 30 s: hold for 25 s at most"
    # shellcheck disable=SC1091
    . "$state/info"
    local before
    before=$(wc -l <"$REPO_DIR/access.log")
    sed "s/@SECONDS@/$seconds/" "$ROOT/etc/apt/aptready-slow.list.in" >"$ROOT/etc/apt/aptready-slow.d/slow.list"
    # A real apt-get update over the slow mirror: it takes the lists lock, then waits on the server.
    # List-Cleanup=false keeps it from deleting the lists of the normal sources when it ends.
    bash "$here/target.sh" exec "$state" /bin/sh -c '
        rm -f /tmp/aptready-slow-update.pid
        setsid apt-get update -o Dir::Etc::SourceList=/etc/apt/aptready-slow.d/slow.list \
            -o Dir::Etc::SourceParts=/etc/apt/aptready-slow.d/none -o APT::Get::List-Cleanup=false \
            </dev/null >/tmp/aptready-slow-update.log 2>&1 &
        echo $! >/tmp/aptready-slow-update.pid
        cat /tmp/aptready-slow-update.pid'
    # Holding: the first request for /slow/ reaches the server only after apt took the lists lock.
    for _ in $(seq 1 200); do
        tail -n "+$((before + 1))" "$REPO_DIR/access.log" | grep -q "slow-start /slow/$seconds/" && return 0
        sleep 0.05
    done
    die "the slow apt-get update never reached the server"
}

case "${1:-}" in
    build) shift; cmd_build "$@" ;;
    serve) shift; cmd_serve "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    add-version) shift; cmd_add_version "$@" ;;
    point) shift; cmd_point "$@" ;;
    slow-update) shift; REPO_DIR=${APTREADY_REPO_DIR:?set APTREADY_REPO_DIR to the served folder}; cmd_slow_update "$@" ;;
    *) sed -n '2,22p' "$0" >&2; exit 2 ;;
esac
