import { z } from 'zod';
import { mallAssets, orderStatuses } from '../domain/mall';
import { defineAction } from './action';
import { fileIdSchema, idSchema, isoDate, pageInput, pageOf } from './common';

const asset = z.enum(mallAssets);

export const mallItemSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    price: z.number().int(),
    asset,
    stock: z.number().int().min(0),
    active: z.boolean(),
    /** The picture's fileID (the admin keeps or replaces it) and a temporary URL to show it; null when it has none. */
    photo: z.string().nullable(),
    photoUrl: z.string().nullable(),
  }),
);

export const mallOrderSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    itemId: z.string(),
    itemName: z.string(),
    qty: z.number().int(),
    amount: z.number().int(),
    asset,
    status: z.enum(orderStatuses),
    buyerName: z.string(),
    createdAt: isoDate,
    fulfilledAt: isoDate.nullable(),
    cancelledAt: isoDate.nullable(),
    cancelReason: z.string().nullable(),
  }),
);

const oneOrder = z.object({ order: mallOrderSchema });

export const mallListItems = defineAction({
  name: 'mall.listItems',
  summary: '积分超市的商品（管理员也看到已下架的）',
  input: () => z.object({}).strict(),
  output: () => z.object({ items: z.array(mallItemSchema) }),
  roles: 'registered',
  mutates: false,
});

export const mallOrder = defineAction({
  name: 'mall.order',
  summary: '用积分兑换商品：库存和积分一起扣减，积分不足则不兑换',
  input: () => z.object({ itemId: idSchema, qty: z.number().int().min(1, '至少兑换 1 件').max(10, '一次最多兑换 10 件').default(1) }).strict(),
  output: () => oneOrder,
  roles: ['resident', 'member'],
  mutates: true,
});

export const mallFulfil = defineAction({
  name: 'mall.fulfil',
  summary: '工作人员确认商品已交给居民',
  input: () => z.object({ orderId: idSchema }).strict(),
  output: () => oneOrder,
  roles: ['staff'],
  mutates: true,
});

export const mallCancel = defineAction({
  name: 'mall.cancel',
  summary: '领取前取消兑换：积分冲正退回，库存恢复（本人或工作人员）',
  input: () => z.object({ orderId: idSchema, reason: z.string().trim().min(2, '请写明原因').max(100, '原因最多 100 字') }).strict(),
  output: () => oneOrder,
  roles: ['resident', 'member', 'staff'],
  mutates: true,
});

export const mallListOrders = defineAction({
  name: 'mall.listOrders',
  summary: '我的兑换订单；工作人员可看本社区待领取的订单',
  input: () => z.object({ scope: z.enum(['mine', 'pending']).default('mine'), ...pageInput }).strict(),
  output: () => pageOf(mallOrderSchema),
  roles: ['resident', 'member', 'staff'],
  mutates: false,
});

export const mallSetItem = defineAction({
  name: 'mall.setItem',
  summary: '上架或修改积分超市商品（不带 itemId 为新增）',
  input: () =>
    z
      .object({
        itemId: idSchema.optional(),
        name: z.string().trim().min(2, '名称至少 2 个字').max(30, '名称最多 30 个字'),
        description: z.string().trim().max(200, '说明最多 200 字').default(''),
        price: z.number().int('价格须为整数积分').min(1, '价格至少 1 分').max(100_000),
        asset,
        stock: z.number().int('库存须为整数').min(0, '库存不能为负').max(100_000),
        active: z.boolean().default(true),
        /** A picture the admin uploaded; null takes it off, leaving it out keeps the one the item has. */
        photo: fileIdSchema.nullable().optional(),
      })
      .strict(),
  output: () => z.object({ item: mallItemSchema }),
  roles: ['admin'],
  mutates: true,
});

/** Every action declared here, in order: the registry (index.ts) is built from these lists, never by hand. */
export const mallActions = [mallListItems, mallOrder, mallFulfil, mallCancel, mallListOrders, mallSetItem] as const;
