// JSON Schema for editors: profiles and rule files validate as you type (VS Code: yaml.schemas / $schema).
import { z } from 'zod';
import { enterpriseSchema } from '../profile/enterprise.ts';
import { ruleFileSchema } from './schema.ts';

const toSchema = (schema: z.ZodType, title: string) => ({
  ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
  title,
});

export const jsonSchemas = {
  'profile.schema.json': () => toSchema(enterpriseSchema, 'huiqi enterprise profile (企业画像)'),
  'rule-file.schema.json': () => toSchema(ruleFileSchema, 'huiqi rule file (政策规则文件)'),
};

export const renderJsonSchema = (name: keyof typeof jsonSchemas) => `${JSON.stringify(jsonSchemas[name](), null, 2)}\n`;
