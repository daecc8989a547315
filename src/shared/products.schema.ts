import { z } from 'zod'
import { timestampSchema } from './common.schema'
import { amountSchema, currencySchema } from './deals.schema'

/** Finnish standard VAT rate since 1 September 2024. */
export const defaultVatRate = 25.5

export const vatRateSchema = z.number().min(0).max(100).multipleOf(0.01)
export const quantitySchema = z.number().gt(0).max(1_000_000_000).multipleOf(0.001)
export const discountSchema = z.number().min(0).max(100).multipleOf(0.01)

export const productSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sku: z.string().nullable(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  unitPrice: z.number(),
  currency: z.string(),
  vatRate: z.number(),
  isActive: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
})
export type Product = z.infer<typeof productSchema>

export const productCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  sku: z.string().trim().min(1).max(100).nullish(),
  description: z.string().max(5000).nullish(),
  unit: z.string().trim().max(30).nullish(),
  unitPrice: amountSchema,
  currency: currencySchema.optional(),
  vatRate: vatRateSchema.optional(),
  isActive: z.boolean().optional(),
})
export type ProductCreate = z.infer<typeof productCreateSchema>
export const productUpdateSchema = productCreateSchema.partial()
export type ProductUpdate = z.infer<typeof productUpdateSchema>

export const lineInputSchema = z.strictObject({
  productId: z.uuid().nullish(),
  name: z.string().trim().min(1).max(300).optional().describe('Defaults to the product name'),
  quantity: quantitySchema,
  unitPrice: amountSchema.optional().describe('Defaults to the product price'),
  discountPercent: discountSchema.optional(),
  vatRate: vatRateSchema.optional().describe('Defaults to the product rate, else 25.5'),
})
export type LineInputBody = z.infer<typeof lineInputSchema>

export const lineSchema = z.object({
  id: z.uuid(),
  productId: z.uuid().nullable(),
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  discountPercent: z.number(),
  vatRate: z.number(),
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
})
export type Line = z.infer<typeof lineSchema>

export const totalsSchema = z.object({
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
  vatBreakdown: z.array(z.object({ rate: z.number(), net: z.number(), vat: z.number() })),
})

export const linesSchema = z.object({ lines: z.array(lineSchema), totals: totalsSchema })
export type Lines = z.infer<typeof linesSchema>
export const linesReplaceSchema = z.strictObject({
  lines: z.array(lineInputSchema).max(200),
  updateAmount: z
    .boolean()
    .optional()
    .describe('Set the deal amount to the net total (default true)'),
})
