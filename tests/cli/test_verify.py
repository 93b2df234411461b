"""`verify` detects a single changed byte, a missing file and an added one."""

from generator.cli import cli


def test_verify_a_deployed_copy(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--out", "out", "--no-search"]).exit_code == 0
    ok = runner.invoke(cli, ["verify", "out"])
    assert ok.exit_code == 0, ok.output
    page = tmp_path / "out" / "zh" / "targets" / "farmland" / "index.html"
    data = bytearray(page.read_bytes())
    data[500] ^= 1  # one bit of one byte
    page.write_bytes(bytes(data))
    bad = runner.invoke(cli, ["verify", "out"])
    assert bad.exit_code == 1
    assert "zh/targets/farmland/index.html: changed" in bad.stderr


def test_verify_names_missing_and_added_files(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--out", "out", "--no-search"]).exit_code == 0
    (tmp_path / "out" / "robots.txt").unlink()
    (tmp_path / "out" / "evil.js").write_text("alert(1)")
    result = runner.invoke(cli, ["verify", "out"])
    assert result.exit_code == 1
    assert "robots.txt: missing" in result.stderr
    assert "evil.js: not in the manifest" in result.stderr


def test_verify_leaves_out_host_files_and_ignored_patterns(runner, content, tmp_path):
    """Apache's .htaccess (README) passes by default; --ignore leaves out more, repeatable;
    everything else is still checked."""
    assert runner.invoke(cli, ["build", "--out", "out", "--no-search"]).exit_code == 0
    out = tmp_path / "out"
    (out / ".htaccess").write_text("Header always set X-Content-Type-Options nosniff\n")
    (out / "zh" / ".htaccess").write_text("ErrorDocument 404 /404.html\n")
    ok = runner.invoke(cli, ["verify", "out"])
    assert ok.exit_code == 0, ok.output
    (out / ".well-known").mkdir()
    (out / ".well-known" / "security.txt").write_text("Contact: mailto:x@example.org\n")
    (out / "assets" / "css" / "site.css.gz").write_bytes(b"\x1f\x8b")
    (out / "robots.txt").unlink()
    bad = runner.invoke(cli, ["verify", "out"])
    assert bad.exit_code == 1
    assert ".well-known/security.txt: not in the manifest" in bad.stderr
    assert "assets/css/site.css.gz: not in the manifest" in bad.stderr
    assert ".htaccess" not in bad.stderr
    ignoring = ["--ignore", ".well-known/*", "--ignore", "*.gz"]
    still = runner.invoke(cli, ["verify", "out", *ignoring])
    assert still.exit_code == 1  # the deleted robots.txt is still a difference
    assert still.stderr.splitlines()[0] == "robots.txt: missing"
    assert "1 difference(s)" in still.stderr
    both = runner.invoke(cli, ["verify", "out", *ignoring, "--ignore", "robots.txt"])
    assert both.exit_code == 0, both.output
