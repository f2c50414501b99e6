import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * All words people read go through next-intl (server/i18n/messages). This finds words written
 * straight into the pages: JSX text, and string literals that read like English (a capital
 * letter, then a space or sentence punctuation) anywhere in a page's code, such as labels
 * kept in arrays or error texts set in handlers. Class names, addresses and keys don't match.
 */
const root = path.join(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

// Brand and language names are the same in every language.
const sameInEveryLanguage = new Set(["Practica", "English", "Español", "Markdown", "CSV", "PNG"]);
const readsLikeEnglish = /^[A-Z][a-z']*(?:[ ,.:;!?…—-].*[a-z].*)?$/s;
const nonText = new Set(["className", "href", "id", "name", "type", "key", "src", "role", "lang"]);

export function untranslatedText(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
    found.push(
      `${path.relative(root, file)}:${line + 1} ${JSON.stringify(text.trim().slice(0, 60))}`,
    );
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      // Entities such as &nbsp; are spacing, not words.
      const text = node
        .getText()
        .replace(/&[a-z]+;/g, " ")
        .trim();
      if (/\p{L}{2,}/u.test(text) && !sameInEveryLanguage.has(text)) report(node, text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const inImport = ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent);
      const attribute = ts.isJsxAttribute(parent) ? parent.name.getText() : null;
      const isDirective = ts.isExpressionStatement(parent);
      const text = node.text.trim();
      if (
        !inImport &&
        !isDirective &&
        !(attribute && nonText.has(attribute)) &&
        readsLikeEnglish.test(text) &&
        /\s/.test(text) &&
        !sameInEveryLanguage.has(text)
      )
        report(node, text);
    } else if (ts.isTemplateExpression(node)) {
      const head = node.head.text.trim();
      if (readsLikeEnglish.test(head) && /\s/.test(head)) report(node, head);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe("untranslated text", () => {
  it("finds words written straight into a page (self-test)", () => {
    const sample = `export const A = () => <p title="Open the board">Hello there <b>{name}</b></p>;
      const labels = ["Not sent. Try again", "bg-raised text-fg"];`;
    expect(untranslatedText(path.join(root, "app/sample.tsx"), sample)).toHaveLength(3);
  });

  it("every page's words come from the messages", () => {
    const found = filesUnder(path.join(root, "app")).flatMap((file) =>
      untranslatedText(file, readFileSync(file, "utf8")),
    );
    expect(found).toEqual([]);
  });
});
