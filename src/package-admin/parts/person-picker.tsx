import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { roleLabels } from '../../shared/domain/roles';
import './index.scss';

export type Holder = Output<'role.people'>['items'][number];

/** 选人: the registered people of the admin's street (or district), by a piece of the name or a whole phone. */
function PeopleSheet({ onPick, onClose }: { onPick: (p: Holder) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const people = usePagedList((offset) => call('role.people', { ...(q ? { query: q } : {}), offset, limit: 20 }), q);
  return (
    <BottomSheet title="选择人员" hint="输入姓名中的一个字，或完整的 11 位手机号。只列出已在小程序登记的人。" onClose={onClose}>
      <View className="admin-search">
        <Input
          className="admin-search__input"
          value={query}
          maxlength={20}
          placeholder="搜索姓名或手机号"
          placeholderClass="input-placeholder"
          onInput={(e) => setQuery(e.detail.value)}
        />
      </View>
      <PagedListView
        list={people}
        keyOf={(p) => p.id}
        render={(p) => (
          <View className="cell admin-person" data-person={p.name} onClick={() => onPick(p)}>
            <View className="cell__body">
              <Text className="admin-person__name">{p.name}</Text>
              {p.roles.map((r) => (
                <Text key={r} className="tag admin-person__role">
                  {roleLabels[r]}
                </Text>
              ))}
            </View>
            <Text className="admin-person__where">{p.place || p.phone}</Text>
          </View>
        )}
        empty={
          <Empty
            title={q ? `没有找到“${q}”` : '还没有登记的人'}
            hint={q ? '换个字再试；对方须先在小程序登记（或由社区导入台账后加入）。' : undefined}
          />
        }
      />
    </BottomSheet>
  );
}

/** A form row that names the chosen person (masked phone, where they are) and opens the search sheet. */
export function PersonPicker({ value, onChange, error }: { value: Holder | null; onChange: (p: Holder) => void; error?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <FormField label="人员" error={error} hint={value ? `${value.place || '未分配社区'} · ${value.phone}` : undefined}>
      <View className={`admin-picker${value ? '' : ' is-placeholder'}`} data-field="person" onClick={() => setOpen(true)}>
        {value ? value.name : '点此搜索并选择人员'}
      </View>
      {open && (
        <PeopleSheet
          onPick={(p) => {
            onChange(p);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </FormField>
  );
}
