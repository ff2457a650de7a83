"""The part of GitHub's GraphQL schema that the web editor asks (Sveltia CMS's GitHub backend), and
the answers of the API's stand-in (tests/github_api.py). Names and types as GitHub's schema has them
(docs.github.com/graphql), so a query the real API would refuse is refused here too: a field
the editor starts to ask that is not below fails the test instead of reading as empty."""

from __future__ import annotations

import base64
import subprocess

from graphql import GraphQLError, build_schema, graphql_sync

SCHEMA = build_schema('''
type Query {
  repository(owner: String!, name: String!): Repository
  node(id: ID!): Node
}

type Mutation {
  createRef(input: CreateRefInput!): CreateRefPayload
  createCommitOnBranch(input: CreateCommitOnBranchInput!): CreateCommitOnBranchPayload
  convertPullRequestToDraft(input: ConvertPullRequestToDraftInput!): PullRequestPayload
  markPullRequestReadyForReview(input: MarkPullRequestReadyForReviewInput!): PullRequestPayload
}

interface Node { id: ID! }
interface GitObject { oid: String! }
interface Actor { login: String! avatarUrl: String! }

enum PullRequestState { OPEN CLOSED MERGED }
enum OrderDirection { ASC DESC }
enum IssueOrderField { CREATED_AT UPDATED_AT COMMENTS }
enum DeploymentOrderField { CREATED_AT }
enum RepositoryAffiliation { OWNER COLLABORATOR ORGANIZATION_MEMBER }
input IssueOrder { field: IssueOrderField! direction: OrderDirection! }
input DeploymentOrder { field: DeploymentOrderField! direction: OrderDirection! }

type Repository implements Node {
  id: ID!
  nameWithOwner: String!
  defaultBranchRef: Ref
  ref(qualifiedName: String!): Ref
  refs(refPrefix: String!, first: Int): RefConnection
  object(oid: String, expression: String): GitObject
  pullRequests(states: [PullRequestState!], labels: [String!], headRefName: String, first: Int,
               orderBy: IssueOrder): PullRequestConnection!
  forks(ownerAffiliations: [RepositoryAffiliation], first: Int): RepositoryConnection!
}
type RepositoryConnection { nodes: [Repository] }
type Ref { name: String! target: GitObject }
type RefConnection { nodes: [Ref] }

type Commit implements GitObject {
  oid: String!
  message: String!
  committedDate: String!
  author: GitActor
  history(first: Int, path: String): CommitHistoryConnection!
  file(path: String!): TreeEntry
  status: Status
  deployments(last: Int, orderBy: DeploymentOrder): DeploymentConnection
  checkSuites(last: Int): CheckSuiteConnection
}
type Blob implements GitObject {
  oid: String!
  byteSize: Int!
  isBinary: Boolean
  isTruncated: Boolean!
  text: String
}
type TreeEntry { oid: String! path: String }
type CommitHistoryConnection { nodes: [Commit] }
type GitActor { name: String email: String avatarUrl: String! user: User }
type User implements Actor { login: String! avatarUrl: String! name: String email: String! databaseId: Int }

type Status { contexts: [StatusContext!]! }
type StatusContext { context: String! state: String! targetUrl: String description: String }
type DeploymentConnection { nodes: [Deployment] }
type Deployment { environment: String latestStatus: DeploymentStatus }
type DeploymentStatus { state: String! environmentUrl: String description: String }
type CheckSuiteConnection { nodes: [CheckSuite] }
type CheckSuite { checkRuns(last: Int): CheckRunConnection }
type CheckRunConnection { nodes: [CheckRun] }
type CheckRun { name: String! status: String! conclusion: String detailsUrl: String summary: String }

type PullRequest implements Node {
  id: ID!
  number: Int!
  title: String!
  url: String!
  state: PullRequestState!
  isDraft: Boolean!
  isCrossRepository: Boolean!
  createdAt: String!
  updatedAt: String!
  headRefName: String!
  headRefOid: String!
  headRepositoryOwner: Actor
  author: Actor
  labels(first: Int): LabelConnection
  files(first: Int): PullRequestChangedFileConnection
}
type PullRequestConnection { totalCount: Int! nodes: [PullRequest] }
type LabelConnection { nodes: [Label] }
type Label { name: String! }
type PullRequestChangedFileConnection { nodes: [PullRequestChangedFile] }
type PullRequestChangedFile { path: String! changeType: String! }

input CreateRefInput { repositoryId: ID! name: String! oid: String! }
type CreateRefPayload { ref: Ref }
input CommittableBranch { repositoryNameWithOwner: String branchName: String id: ID }
input FileAddition { path: String! contents: String! }
input FileDeletion { path: String! }
input FileChanges { additions: [FileAddition!] deletions: [FileDeletion!] }
input CommitMessage { headline: String! body: String }
input CreateCommitOnBranchInput {
  branch: CommittableBranch! expectedHeadOid: String! fileChanges: FileChanges message: CommitMessage!
}
type CreateCommitOnBranchPayload { commit: Commit ref: Ref }
input ConvertPullRequestToDraftInput { pullRequestId: ID! }
input MarkPullRequestReadyForReviewInput { pullRequestId: ID! }
type PullRequestPayload { pullRequest: PullRequest }
''')


class GraphQL:
    """The stand-in's answers to that schema (tests/github_api.py's GitHub: its git repository,
    its pull requests and deployments). Names as GitHub's schema has them, camelCase included."""

    def graphql(self, query: str, variables: dict) -> dict:
        result = graphql_sync(SCHEMA, query, root_value=self, variable_values=variables)
        answer = {"data": result.data}
        if result.errors:
            answer["errors"] = [{"message": error.message} for error in result.errors]
        return answer

    def repository(self, info, owner: str, name: str):
        if f"{owner}/{name}" != self.repo:
            return None
        return {"id": "R_1", "nameWithOwner": self.repo, "defaultBranchRef": {"name": "main"},
                "ref": lambda info, qualifiedName: self.ref(qualifiedName),
                "refs": lambda info, refPrefix, first=100: {"nodes": [
                    {"name": ref.removeprefix(refPrefix), "target": self.commit(self.head(ref))}
                    for ref in self.git("for-each-ref", "--format=%(refname)", refPrefix).split()][:first]},
                "object": lambda info, oid=None, expression=None: self.object(oid or expression),
                "pullRequests": self.pull_requests, "forks": lambda info, **_: {"nodes": []}}

    def ref(self, name: str):
        sha = self.head(name)
        return {"name": name.removeprefix("refs/heads/"), "target": self.commit(sha)} if sha else None

    def object(self, name: str):
        sha = self.git("rev-parse", "--verify", "--quiet", name).strip() if self._exists(name) else ""
        if not sha:
            return None
        if self.git("cat-file", "-t", sha).strip() == "commit":
            return self.commit(sha)
        data = self.blob(sha)
        binary = b"\0" in data
        return {"__typename": "Blob", "oid": sha, "byteSize": len(data), "isBinary": binary,
                "isTruncated": False, "text": None if binary else data.decode()}

    def _exists(self, name: str) -> bool:
        return subprocess.run(["git", "--git-dir", str(self.folder / ".git"), "cat-file", "-e", name],
                              capture_output=True).returncode == 0

    @staticmethod
    def user_node(login: str, email: str = "") -> dict:
        return {"__typename": "User", "login": login, "avatarUrl": "", "name": login, "email": email, "databaseId": 1}

    def commit(self, sha: str) -> dict:
        message, date, name, email = self.git("show", "-s", "--format=%B%x00%cI%x00%an%x00%ae", sha).split("\0")
        user = self.user_node(name, email)
        return {"__typename": "Commit", "oid": sha, "message": message.strip(), "committedDate": date.strip(),
                "author": {"name": name, "email": email, "avatarUrl": "", "user": user},
                "history": lambda info, first=100, path=None: {"nodes": [
                    self.commit(found) for found in self.git(
                        "log", f"-{first}", "--format=%H", sha, *(["--", path] if path else [])).split()]},
                "file": lambda info, path: {"oid": self.git("rev-parse", f"{sha}:{path}").strip(), "path": path},
                "status": {"contexts": []}, "checkSuites": {"nodes": []},
                "deployments": lambda info, **_: {"nodes": self.deployments.get(sha, [])}}

    def pull_requests(self, info, states=None, labels=None, headRefName=None, first=100, orderBy=None):  # noqa: N803
        found = [pull for pull in self.pulls.values() if (not states or pull["state"] in states)
                 and (not labels or set(labels) & set(pull["labels"]))
                 and (headRefName is None or pull["head"] == headRefName)]
        return {"totalCount": len(found), "nodes": [self.pull_request(pull) for pull in found[:first]]}

    def pull_request(self, pull: dict) -> dict:
        owner = self.user_node(self.repo.split("/")[0])
        head = self.head(pull["head"])
        files = self.changed(pull["head"], pull["base"]) if head else {}
        return {"__typename": "PullRequest", "id": f"PR_{pull['number']}", "number": pull["number"],
                "title": pull["title"], "url": f"https://github.com/{self.repo}/pull/{pull['number']}",
                "state": pull["state"], "isDraft": pull["draft"], "isCrossRepository": False,
                "createdAt": pull["created"], "updatedAt": pull["updated"], "headRefName": pull["head"],
                "headRefOid": head or "", "headRepositoryOwner": owner,
                "author": self.user_node(self.login),
                "labels": {"nodes": [{"name": name} for name in pull["labels"]]},
                "files": {"nodes": [{"path": path, "changeType": kind} for path, kind in files.items()]}}

    def node(self, info, id):  # noqa: A002
        number = int(id.removeprefix("PR_"))
        return self.pull_request(self.pulls[number]) if number in self.pulls else None

    def createRef(self, info, input):  # noqa: A002, N802
        if self.head(input["name"]):
            raise GraphQLError(f'A ref named "{input["name"]}" already exists in the repository.')
        self.git("update-ref", input["name"], input["oid"], "0" * 40)
        return {"ref": {"name": input["name"]}}

    def createCommitOnBranch(self, info, input):  # noqa: A002, N802
        branch = input["branch"]["branchName"]
        parent = self.head(branch)
        if parent != input["expectedHeadOid"]:
            raise GraphQLError(f"Expected branch to point to \"{input['expectedHeadOid']}\" but it did not.")
        index = str(self.folder / "index.stand-in")
        self.git("read-tree", parent, index=index)
        changes = input.get("fileChanges") or {}
        for addition in changes.get("additions") or []:
            sha = self.git("hash-object", "-w", "--stdin", data=base64.b64decode(addition["contents"])).strip()
            self.git("update-index", "--add", "--cacheinfo", f"100644,{sha},{addition['path']}", index=index)
        for deletion in changes.get("deletions") or []:
            self.git("update-index", "--force-remove", deletion["path"], index=index)
        tree = self.git("write-tree", index=index).strip()
        sha = self.git("commit-tree", tree, "-p", parent, "-m", input["message"]["headline"]).strip()
        self.git("update-ref", f"refs/heads/{branch}", sha, parent)
        return {"commit": self.commit(sha)}

    def _set_draft(self, input, draft: bool):  # noqa: A002
        pull = self.pulls[int(input["pullRequestId"].removeprefix("PR_"))]
        pull["draft"] = draft
        return {"pullRequest": self.pull_request(pull)}

    def convertPullRequestToDraft(self, info, input):  # noqa: A002, N802
        return self._set_draft(input, True)

    def markPullRequestReadyForReview(self, info, input):  # noqa: A002, N802
        return self._set_draft(input, False)
