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
