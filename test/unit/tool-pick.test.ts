import { describe, expect, it } from 'vitest';
import { candidates, pick } from '../../src/owui/tool-pick.js';

const upload = '/api/v1/files/upload-1/content';
const fox = '/api/v1/files/fox-1/content';
const hat = '/api/v1/files/hat-1/content';

/** An upload, a generated fox, then an edited fox with a hat: the branch up to the reply being written. */
const chat = [
  {
    id: 'u1',
    role: 'user',
    content: 'here is my beach photo',
    files: [{ type: 'file', id: 'upload-1', content_type: 'image/png' }],
  },
  { id: 'a1', role: 'assistant', content: 'Nice!' },
  { id: 'u2', role: 'user', content: 'draw a red fox in the snow' },
  { id: 'a2', role: 'assistant', content: 'Here:', files: [{ type: 'image', url: fox }] },
  { id: 'u3', role: 'user', content: 'give it a hat' },
  { id: 'a3', role: 'assistant', content: `Done: ![hat](${hat})` },
  { id: 'u4', role: 'user', content: 'now make it night' },
  { id: 'r', role: 'assistant', content: '' },
];

describe('the picture the Tool edits', () => {
  const found = candidates(chat, 'r');

  it('is the newest on the branch by default, whoever made it', () => {
    expect(found.map((c) => c.url)).toEqual([hat, fox, upload]);
    for (const which of ['latest', '', 'it', 'The picture.']) expect(pick(found, which).url).toBe(hat);
  });

  it('can be named by position, counted back from the newest', () => {
    expect(pick(found, 'previous').url).toBe(fox);
    expect(pick(found, '2').url).toBe(fox);
    expect(pick(found, '#3').url).toBe(upload);
    expect(pick(found, 'third one').url).toBe(upload);
    expect(pick(found, 'first').url).toBe(upload);
  });

  it("can be the person's upload or a generated one", () => {
    expect(pick(found, 'my upload').url).toBe(upload);
    expect(pick(found, 'the generated one').url).toBe(hat);
  });

  it('can be named by what was said with it (a result by the request above it)', () => {
    expect(pick(found, 'the beach photo').url).toBe(upload);
    expect(pick(found, 'the fox in the snow').url).toBe(fox);
  });

  it('is never guessed: a name that fits none is said, with what the chat has', () => {
    expect(() => pick(found, 'the dog')).toThrow(/No picture in this chat matches "the dog".*1: 2 messages up/);
    expect(() => pick(found, '7')).toThrow(/there are only 3/);
  });

  it('says so when the chat has no picture at all', () => {
    expect(() => pick(candidates([{ id: 'u', role: 'user', content: 'hi' }], 'u'), 'latest')).toThrow(
      expect.objectContaining({ code: 'tool_no_image' }),
    );
  });

  it('ignores messages after the reply (another branch)', () => {
    expect(candidates(chat, 'a2').map((c) => c.url)).toEqual([fox, upload]);
  });
});
