import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError, articleSchema, type Article } from '../../contract/api';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Articles live with their event folder (hidden), one JSON file each, written
 * atomically on every autosave so a crash mid-typing loses at most the last keystrokes.
 */
export class ArticleStore {
  constructor(private readonly stateDir: string) {}

  private get dir(): string {
    return join(this.stateDir, '.captiondesk', 'articles');
  }

  private path(id: string): string {
    if (!/^[a-z0-9-]{1,64}$/.test(id))
      throw new ApiError(`Bad article id ${id}`, 'article-id-invalid', { id });
    return join(this.dir, `${id}.json`);
  }

  async list(): Promise<Article[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: Article[] = [];
    for (const n of names.filter((x) => x.endsWith('.json')).sort())
      out.push(await this.get(n.slice(0, -5)));
    return out;
  }

  async get(id: string): Promise<Article> {
    let raw: string;
    try {
      raw = await readFile(this.path(id), 'utf8');
    } catch {
      throw new ApiError(`No article ${id} in this folder`, 'article-not-found', { id });
    }
    const parsed = articleSchema.safeParse(JSON.parse(raw));
    if (!parsed.success)
      throw new ApiError(
        `${this.path(id)} is damaged: ${parsed.error.issues[0]?.message ?? ''}`,
        'article-damaged',
        { id },
      );
    return parsed.data;
  }

  async save(article: Article): Promise<Article> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path(article.id), JSON.stringify(article, null, 2) + '\n');
    return article;
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  static newId(): string {
    return `a-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  }
}

export function blankArticle(id: string, now: string, headline = ''): Article {
  return {
    id,
    headline,
    sapo: '',
    byline: '',
    authorInitials: '',
    tags: [],
    category: '',
    dateline: { place: '', date: now.slice(0, 10) },
    body: [],
    createdAt: now,
    updatedAt: now,
  };
}
