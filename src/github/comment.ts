import type { RunContext } from '../settings.js';
import { httpStatus, type GitHubClient } from './client.js';

/** GitHub's limit on an issue comment body. */
export const COMMENT_LIMIT = 65_536;

/** The hidden line that identifies this action's comment of one kind on a pull request. */
export function commentMarker(marker: string): string {
  return `<!-- salesforce-gated-deploy:${marker} -->`;
}

/**
 * Keeps one comment per pull request and marker: the comment carrying the marker is updated in
 * place, or created on the first run. Returns the comment id.
 */
export async function upsertPullRequestComment(client: GitHubClient, _context: RunContext, prNumber: number, marker: string, body: string): Promise<number> {
  const { octokit, owner, repo } = client;
  const hidden = commentMarker(marker);
  const text = fit(`${hidden}\n${body}`);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: prNumber, per_page: 100 });
  // Anyone can paste the marker into a comment of their own, which this token cannot edit: try
  // each marked comment, newest first, and fall back to a new one.
  const marked = comments.filter((c) => c.body?.includes(hidden)).reverse();
  for (const comment of marked) {
    try {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body: text });
      return comment.id;
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 403 && status !== 404) throw error;
    }
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: prNumber, body: text });
  return data.id;
}

function fit(text: string): string {
  if (text.length <= COMMENT_LIMIT) return text;
  const note = '\n\n… (truncated: the full report is in the job summary)';
  return text.slice(0, COMMENT_LIMIT - note.length) + note;
}
