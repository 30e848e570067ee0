import { Button, Input, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormField } from '../../components/form-field';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { lengthCount } from '../../utils/form-errors';

export type RosterPick = Output<'roster.list'>['items'][number];

export interface Proxy {
  on: boolean;
  /** The 人口台账 person picked (the usual way); null while none is, or when filing by name instead. */
  picked: RosterPick | null;
  /** 台账里没有: a resident not on the roster, by name (and an optional phone). */
  byName: boolean;
  name: string;
  phone: string;
}

export const noProxy: Proxy = { on: false, picked: null, byName: false, name: '', phone: '' };

/** What petition.create gets for the proxy: the roster key, or the typed name and phone. */
export function proxyInput(p: Proxy): { rosterKey: string } | { name: string; phone?: string } | undefined {
  if (!p.on) return undefined;
  if (!p.byName) return { rosterKey: p.picked?.id ?? '' };
  return { name: p.name, ...(p.phone.trim() ? { phone: p.phone } : {}) };
}

interface Props {
  value: Proxy;
  /** The form's message for a field path ("onBehalfOf.name"), see useFieldErrors. */
  errorOf: (field: string) => string | undefined;
  onBlur: () => void;
  onChange: (proxy: Proxy) => void;
}

type Search = { state: 'idle' } | { state: 'loading' } | { state: 'done'; items: RosterPick[] } | { state: 'error'; message: string };

/**
 * 红色代办: a grid worker (or community staff) files for a resident without a phone, picked from the 人口台账 of
 * their grid by name; the case goes to that person's building and becomes theirs if they join later.
 */
export function ProxyFields({ value, errorOf, onBlur, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });

  async function find() {
    const name = query.trim();
    if (!name || search.state === 'loading') return;
    setSearch({ state: 'loading' });
    const reply = await call('roster.list', { name, limit: 10 });
    setSearch(reply.ok ? { state: 'done', items: reply.data.items } : { state: 'error', message: reply.message });
  }

  const rosterError = errorOf('onBehalfOf.rosterKey') ?? errorOf('onBehalfOf');
  return (
    <View className="petition-new__proxy">
      <View className="form-field petition-new__switch">
        <View className="petition-new__switch-text">
          <Text className="petition-new__switch-title">红色代办</Text>
          <Text className="petition-new__switch-hint">替没有手机的居民反映，进展由你转告</Text>
        </View>
        <Switch checked={value.on} color="#07c160" onChange={(e) => onChange({ ...value, on: e.detail.value })} />
      </View>
      {value.on && !value.byName && (
        <FormField label="代办的居民" hint="从人口台账里按姓名查找，问题地点就是他家的楼栋" error={value.picked ? undefined : rosterError}>
          {value.picked ? (
            <View className="petition-new__picked">
              <View>
                <Text className="petition-new__picked-name">{value.picked.name}</Text>
                <Text className="petition-new__picked-place">
                  {value.picked.buildingName} {value.picked.unit ? `${value.picked.unit}单元` : ''}
                  {value.picked.room}
                </Text>
              </View>
              <Button className="petition-new__small-btn" onClick={() => onChange({ ...value, picked: null })}>
                换一位
              </Button>
            </View>
          ) : (
            <>
              <View className="petition-new__search">
                <Input
                  className="petition-new__input petition-new__proxy-name"
                  value={query}
                  maxlength={20}
                  confirmType="search"
                  onBlur={onBlur}
                  onConfirm={() => void find()}
                  placeholder="输入居民全名，例如：王秀英"
                  placeholderClass="input-placeholder"
                  onInput={(e) => setQuery(e.detail.value)}
                />
                <Button
                  className="petition-new__small-btn petition-new__find"
                  type="primary"
                  disabled={!query.trim()}
                  loading={search.state === 'loading'}
                  onClick={() => void find()}
                >
                  在台账中查找
                </Button>
              </View>
              {search.state === 'error' && <Text className="petition-new__search-note">查找失败：{search.message}</Text>}
              {search.state === 'done' && search.items.length === 0 && (
                <Text className="petition-new__search-note">你负责的台账里没有“{query.trim()}”。请核对全名，或按姓名登记。</Text>
              )}
              {search.state === 'done' &&
                search.items.map((r) => (
                  <View key={r.id} className="petition-new__roster-row" onClick={() => onChange({ ...value, picked: r })}>
                    <Text className="petition-new__picked-name">{r.name}</Text>
                    <Text className="petition-new__picked-place">
                      {r.buildingName} {r.unit ? `${r.unit}单元` : ''}
                      {r.room}
                      {r.linked ? ' · 已入驻' : ''}
                    </Text>
                  </View>
                ))}
            </>
          )}
          <Text className="petition-new__link" onClick={() => onChange({ ...value, byName: true, picked: null })}>
            台账里没有这位居民？按姓名登记
          </Text>
        </FormField>
      )}
      {value.on && value.byName && (
        <>
          <FormField
            label="居民姓名"
            count={lengthCount(value.name, 20)}
            error={errorOf('onBehalfOf.name') ?? (errorOf('onBehalfOf.phone') ? undefined : errorOf('onBehalfOf'))}
          >
            <Input
              className="petition-new__input petition-new__proxy-name"
              value={value.name}
              maxlength={20}
              onBlur={onBlur}
              placeholder="例如：王秀英"
              placeholderClass="input-placeholder"
              onInput={(e) => onChange({ ...value, name: e.detail.value })}
            />
            <Text className="petition-new__link" onClick={() => onChange({ ...value, byName: false })}>
              改为从台账选择
            </Text>
          </FormField>
          <FormField label="联系电话（可选）" hint="家人或邻居的电话也可以" error={errorOf('onBehalfOf.phone')}>
            <Input
              className="petition-new__input"
              type="number"
              value={value.phone}
              maxlength={11}
              onBlur={onBlur}
              placeholder="11 位手机号"
              placeholderClass="input-placeholder"
              onInput={(e) => onChange({ ...value, phone: e.detail.value })}
            />
          </FormField>
        </>
      )}
    </View>
  );
}
