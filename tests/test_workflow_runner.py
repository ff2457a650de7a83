"""The stand-in runner (tests/github_actions/) does what GitHub does, and refuses what it
does not know: an action without a stand-in, an expression outside its small language."""

from __future__ import annotations

import pytest

from tests.github_actions import Runner, WorkflowError

WORKFLOW = """
name: Proef
on: [push]
env:
  NIVEAU: workflow
  OVERAL: workflow
jobs:
  proef:
    runs-on: ubuntu-latest
    env:
      NIVEAU: job
    steps:
      - name: zet
        id: zet
        env:
          NIVEAU: stap
        run: |
          echo "niveau=$NIVEAU/$OVERAL" >> "$GITHUB_OUTPUT"
          echo "LATER=uit-github-env" >> "$GITHUB_ENV"
          printf 'MEER<<EOF\\nregel 1\\nregel 2\\nEOF\\n' >> "$GITHUB_ENV"
          echo "## stap 1" >> "$GITHUB_STEP_SUMMARY"
      - name: lees
        if: github.event_name == 'push' && steps.zet.outputs.niveau == 'STAP/workflow'
        run: |
          test "$NIVEAU" = job && test "$LATER" = uit-github-env && test "$MEER" = "$(printf 'regel 1\\nregel 2')"
          test "$GITHUB_ACTIONS" = true && test "$CI" = true && test "$GITHUB_REF" = refs/heads/main
          test -z "${PYTEST_CURRENT_TEST:-}" && test -z "${SOURCE_DATE_EPOCH:-}"
          echo "## stap 2 met ${{ github.ref }}" >> "$GITHUB_STEP_SUMMARY"
      - name: niet bij een pull request
        if: ${{ github.event_name == 'pull_request' }}
        run: exit 1
      - name: faalt
        run: exit 3
      - name: overgeslagen na een fout
        run: echo nooit
      - name: altijd
        if: always()
        run: echo "na de fout"
      - name: bij een fout
        if: failure()
        run: echo "## opgeruimd" >> "$GITHUB_STEP_SUMMARY"
"""


def run(tmp_path, text: str, event: str = "push"):
    workflow = tmp_path / "workflow.yml"
    workflow.write_text(text, encoding="utf-8")
    return Runner(tmp_path, tmp_path / "run", event, "refs/heads/main").run(workflow, "proef")


def test_env_levels_outputs_conditions_and_github_env_as_on_github(tmp_path):
    job = run(tmp_path, WORKFLOW)
    assert job.outcomes == {"zet": "success", "lees": "success", "niet bij een pull request": "skipped",
                            "faalt": "failure", "overgeslagen na een fout": "skipped", "altijd": "success",
                            "bij een fout": "success"}, job.log
    assert not job.ok
    assert job.summary == "## stap 1\n## stap 2 met refs/heads/main\n## opgeruimd\n"
    assert "na de fout" in job.log and "nooit" not in job.log


def test_a_workflow_that_does_not_listen_to_the_event_is_not_run(tmp_path):
    with pytest.raises(WorkflowError, match="does not run on pull_request"):
        run(tmp_path, WORKFLOW, event="pull_request")


def test_an_action_without_a_stand_in_fails_the_run(tmp_path):
    text = WORKFLOW.replace("      - name: zet\n", "      - uses: actions/labeler@8558fd74291d67161a8a78ce36a881fa63b766a9 # v5\n"
                                                  "      - name: zet\n")
    with pytest.raises(WorkflowError, match="no stand-in for the action 'actions/labeler@"):
        run(tmp_path, text)


@pytest.mark.parametrize("expression", [
    "${{ github.event.pull_request.title }}",  # a property the runner does not give
    "${{ toJSON(github) }}",  # a function it does not know
    "${{ vars.SITE }}",  # a context it does not know
    "${{ github.ref[0] }}",  # syntax outside its language
    "${{ contains(github.ref, 'main') }}",
])
def test_an_unknown_expression_fails_the_run_even_in_a_step_that_would_be_skipped(tmp_path, expression):
    text = WORKFLOW.replace('echo nooit', f'echo "{expression}"')
    with pytest.raises(WorkflowError, match="unknown"):
        run(tmp_path, text)
    assert not (tmp_path / "run" / "runner-temp" / "github_output-0").exists(), "a step ran first"


UPLOAD = """
name: Proef
on: [push]
jobs:
  proef:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p site/.well-known && echo Contact > site/.well-known/security.txt && echo hoi > site/index.html
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
        with:
          name: site
          path: site
{extra}"""


@pytest.mark.parametrize(("extra", "kept"), [
    ("", False),
    ("          include-hidden-files: true\n", True),
])
def test_an_artifact_keeps_dot_folders_only_when_asked_as_upload_artifact_does(tmp_path, extra, kept):
    workflow = tmp_path / "workflow.yml"
    workflow.write_text(UPLOAD.format(extra=extra), encoding="utf-8")
    runner = Runner(tmp_path, tmp_path / "run", "push", "refs/heads/main")
    job = runner.run(workflow, "proef")
    assert job.ok, job.log
    artifact = runner.artifacts["site"]
    assert (artifact / "index.html").is_file()
    assert (artifact / ".well-known" / "security.txt").is_file() == kept


CALLER = """
name: Aanroeper
on: [push]
jobs:
  eerst:
    runs-on: ubuntu-latest
    outputs:
      woord: ${{{{ steps.zeg.outputs.woord }}}}
    steps:
      - id: zeg
        run: echo "woord=hallo" >> "$GITHUB_OUTPUT"
  dan:
    needs: eerst
    uses: ./{called}
    with:
      tekst: ${{{{ needs.eerst.outputs.woord }}}}
"""
CALLED = """
name: Aangeroepen
on:
  workflow_call:
    inputs:
      tekst:
        type: string
        required: true
      standaard:
        type: string
        default: vanzelf
jobs:
  doe:
    runs-on: ubuntu-latest
    environment:
      name: proef
      url: https://example.org/${{ inputs.tekst }}/
    steps:
      - run: test "$TEKST/$STANDAARD" = hallo/vanzelf && echo "## $TEKST" >> "$GITHUB_STEP_SUMMARY"
        env:
          TEKST: ${{ inputs.tekst }}
          STANDAARD: ${{ inputs.standaard }}
"""


def test_a_job_calls_a_reusable_workflow_with_its_inputs_and_the_outputs_it_needs(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "aangeroepen.yml").write_text(CALLED, encoding="utf-8")
    caller = workflows / "aanroeper.yml"
    caller.write_text(CALLER.format(called=".github/workflows/aangeroepen.yml"), encoding="utf-8")
    jobs = Runner(tmp_path, tmp_path / "run", "push", "refs/heads/main").run_all(caller)
    assert jobs["dan"].ok, jobs["dan"].log
    assert jobs["dan"].summary.strip() == "## hallo"
    assert jobs["dan"].environment == {"name": "proef", "url": "https://example.org/hallo/"}
    # An input the called workflow does not declare fails the run, as on GitHub.
    caller.write_text(CALLER.format(called=".github/workflows/aangeroepen.yml") + "      onbekend: x\n",
                      encoding="utf-8")
    with pytest.raises(WorkflowError, match="onbekend"):
        Runner(tmp_path, tmp_path / "run2", "push", "refs/heads/main").run_all(caller)


CACHED = """
name: Proef
on: [push]
jobs:
  proef:
    runs-on: ubuntu-latest
    steps:
      - id: cache
        uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
        with:
          path: .cache/werk
          key: werk-${{ github.event_name }}-SLEUTEL
          restore-keys: werk-
      - run: |
          echo "teruggezet=${{ steps.cache.outputs.cache-hit }}:$(cat .cache/werk/eerder 2>/dev/null)" >> "$GITHUB_STEP_SUMMARY"
          mkdir -p .cache/werk && echo SLEUTEL > .cache/werk/eerder
          FOUT
"""


def test_the_cache_restores_by_key_and_by_its_prefix_and_saves_only_after_success(tmp_path, monkeypatch):
    """As actions/cache: a miss saves after the job (not after a failed one), the same key is a hit,
    another key restores the newest entry whose key starts with restore-keys."""
    from tests.github_actions import stand_ins

    monkeypatch.setattr(stand_ins, "CACHE_STORE", tmp_path / "opslag")
    summaries = []
    for number, (key, fails) in enumerate((("a", True), ("a", False), ("a", False), ("b", False))):
        (tmp_path / str(number)).mkdir()
        job = run(tmp_path / str(number), CACHED.replace("SLEUTEL", key).replace("FOUT", "exit 1" if fails else ""))
        assert job.ok is not fails, job.log
        summaries.append(job.summary.strip())
    assert summaries == ["teruggezet=false:", "teruggezet=false:", "teruggezet=true:a", "teruggezet=false:a"]
    assert sorted(p.name for p in (tmp_path / "opslag" / "actions-cache").iterdir()) == ["werk-push-a", "werk-push-b"]
